/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <string.h>

#include "bench-data.h"

/* Generated but realistic data for the storage benchmark: names and places in many scripts, so
 * that the full-text index and the accent folding carry a real load. */

/* Interactions span ten years; commitments falling due after the end are still open. */
#define DATA_FIRST_YEAR 2016
#define DATA_YEARS      10

/* ------------------------------------------------------------------------------------------ */
/* Word lists                                                                                  */

typedef struct
{
  const char *name;
  const char *country;
  const char *time_zone;
  const char *phone_prefix;
} City;

static const City cities[] = {
  { "Zürich", "CH", "Europe/Zurich", "+41 44" },
  { "Genève", "CH", "Europe/Zurich", "+41 22" },
  { "São Paulo", "BR", "America/Sao_Paulo", "+55 11" },
  { "Kraków", "PL", "Europe/Warsaw", "+48 12" },
  { "Łódź", "PL", "Europe/Warsaw", "+48 42" },
  { "Nairobi", "KE", "Africa/Nairobi", "+254 20" },
  { "Dakar", "SN", "Africa/Dakar", "+221 33" },
  { "Bogotá", "CO", "America/Bogota", "+57 601" },
  { "Reykjavík", "IS", "Atlantic/Reykjavik", "+354 5" },
  { "Malmö", "SE", "Europe/Stockholm", "+46 40" },
  { "Düsseldorf", "DE", "Europe/Berlin", "+49 211" },
  { "Montréal", "CA", "America/Toronto", "+1 514" },
  { "Québec", "CA", "America/Toronto", "+1 418" },
  { "Brasília", "BR", "America/Sao_Paulo", "+55 61" },
  { "Córdoba", "AR", "America/Argentina/Cordoba", "+54 351" },
  { "Hà Nội", "VN", "Asia/Ho_Chi_Minh", "+84 24" },
  { "Москва", "RU", "Europe/Moscow", "+7 495" },
  { "القاهرة", "EG", "Africa/Cairo", "+20 2" },
  { "Accra", "GH", "Africa/Accra", "+233 30" },
  { "Lagos", "NG", "Africa/Lagos", "+234 1" },
  { "Addis Ababa", "ET", "Africa/Addis_Ababa", "+251 11" },
  { "Kigali", "RW", "Africa/Kigali", "+250 78" },
  { "Tunis", "TN", "Africa/Tunis", "+216 71" },
  { "Amman", "JO", "Asia/Amman", "+962 6" },
  { "Beirut", "LB", "Asia/Beirut", "+961 1" },
  { "İstanbul", "TR", "Europe/Istanbul", "+90 212" },
  { "Athens", "GR", "Europe/Athens", "+30 21" },
  { "Wien", "AT", "Europe/Vienna", "+43 1" },
  { "Bruxelles", "BE", "Europe/Brussels", "+32 2" },
  { "Den Haag", "NL", "Europe/Amsterdam", "+31 70" },
  { "Paris", "FR", "Europe/Paris", "+33 1" },
  { "Lyon", "FR", "Europe/Paris", "+33 4" },
  { "Lisboa", "PT", "Europe/Lisbon", "+351 21" },
  { "Madrid", "ES", "Europe/Madrid", "+34 91" },
  { "Roma", "IT", "Europe/Rome", "+39 06" },
  { "Oslo", "NO", "Europe/Oslo", "+47 22" },
  { "København", "DK", "Europe/Copenhagen", "+45 33" },
  { "Helsinki", "FI", "Europe/Helsinki", "+358 9" },
  { "Tallinn", "EE", "Europe/Tallinn", "+372 6" },
  { "Praha", "CZ", "Europe/Prague", "+420 2" },
  { "Budapest", "HU", "Europe/Budapest", "+36 1" },
  { "Delhi", "IN", "Asia/Kolkata", "+91 11" },
  { "Kathmandu", "NP", "Asia/Kathmandu", "+977 1" },
  { "Dhaka", "BD", "Asia/Dhaka", "+880 2" },
  { "Jakarta", "ID", "Asia/Jakarta", "+62 21" },
  { "Manila", "PH", "Asia/Manila", "+63 2" },
  { "Tokyo", "JP", "Asia/Tokyo", "+81 3" },
  { "Seoul", "KR", "Asia/Seoul", "+82 2" },
  { "Sydney", "AU", "Australia/Sydney", "+61 2" },
  { "Wellington", "NZ", "Pacific/Auckland", "+64 4" },
  { "Ciudad de México", "MX", "America/Mexico_City", "+52 55" },
  { "Lima", "PE", "America/Lima", "+51 1" },
  { "Santiago", "CL", "America/Santiago", "+56 2" },
  { "Asunción", "PY", "America/Asuncion", "+595 21" },
  { "New York", "US", "America/New_York", "+1 212" },
  { "St. John's", "CA", "America/St_Johns", "+1 709" },
  { "Nouméa", "NC", "Pacific/Noumea", "+687 2" },
  { "Bamako", "ML", "Africa/Bamako", "+223 20" },
  { "Yaoundé", "CM", "Africa/Douala", "+237 2" },
  { "Antananarivo", "MG", "Indian/Antananarivo", "+261 20" },
};

typedef struct
{
  const char *sector;
  const char *nouns[8];
} Sector;

static const Sector sectors[] = {
  { "government", { "City Council", "Ministry of Finance", "Ministry of Health", "Prefecture",
                    "Trade Office", "Department of Water Affairs", "Consulate General", NULL } },
  { "health", { "University Hospital", "Children's Clinic", "Public Health Institute",
                "Blood Service", "Cancer Centre", "Hôpital Régional", NULL } },
  { "ngo", { "Relief Network", "Foundation for Rural Development", "Red Cross Society",
             "Refugee Council", "Women's Alliance", "Clean Water Trust", "Amnistía Colectiva",
             NULL } },
  { "business", { "Logistics Group", "Savings Bank", "Energy Cooperative", "Chamber of Commerce",
                  "Port Authority", "Telecom", "Textilwerke", NULL } },
  { "academia", { "University", "Institute of Technology", "School of Public Policy",
                  "Observatory", "Research Centre", "Académie", NULL } },
  { "agency", { "Development Agency", "Environmental Protection Agency", "Statistics Office",
                "Customs Service", "Civil Protection", NULL } },
  { "media", { "Broadcasting Corporation", "Press Club", "Daily Courier", "Rádio Pública",
               NULL } },
};

static const char * const org_adjectives[] = {
  "Regional", "Cantonal", "National", "Municipal", "Central", "Northern", "Southern", "Eastern",
  "Western", "Federal", "Provincial", "Metropolitan", "Coastal", "Rural", "Joint", "Independent",
  "Nouvelle", "Großer",
};

static const char * const org_tags[] = {
  "donor", "implementing partner", "government", "priority", "watch", "media", "academic",
  "board", "mou-signed", "new",
};

static const char * const given_names[] = {
  "Åsa", "Ólafur", "Дмитрий", "محمد", "Amina", "José", "François", "Zoë", "Søren", "Małgorzata",
  "Jürgen", "Chiara", "Kwame", "Aiko", "Mei", "Raúl", "İlker", "Anaïs", "Björn", "Ngozi",
  "Thandiwe", "Priya", "Arjun", "Fatima", "Yusuf", "Leila", "Omar", "Sofia", "Lucas", "Emma",
  "Noah", "Olivia", "Mateo", "Valentina", "Hiroshi", "Yuki", "Min-jun", "Seo-yeon", "Anh",
  "Thảo", "Kofi", "Abebe", "Chidi", "Aroha", "Sione", "Inés", "Łukasz", "Ewa", "Tomáš",
  "Zsófia", "Eleni", "Giorgos", "Magnús", "Sigríður", "Pierre", "Élodie", "Hamza", "Nour",
  "Анна", "Ольга",
};

static const char * const family_names[] = {
  "Nguyễn", "Diallo", "Müller", "Kowalski", "Øvergaard", "García", "Ólafsson", "Иванов",
  "Петрова", "الحسن", "Tanaka", "Okafor", "Dubois", "Łukasiewicz", "Ferreira", "Çelik",
  "Papadopoulos", "Schmidt", "Svensson", "Nakamura", "Mensah", "Silva", "O'Brien", "Lefèvre",
  "Gruber", "Horváth", "Novák", "Rossi", "Kim", "Singh", "Patel", "Haddad", "Ben Ali", "Traoré",
  "Keïta", "Mwangi", "Otieno", "Kariuki", "Abdullah", "Rahman", "Chowdhury", "Santos",
  "Gonçalves", "Pérez", "Rodríguez", "Martínez", "López", "Hernández", "Jensen", "Nielsen",
  "Virtanen", "Korhonen", "Tamm", "Kask", "Dvořák", "Szabó", "Nagy", "Kovačević", "Popescu",
  "Yılmaz", "Demir", "Sato", "Suzuki", "Park", "Lee", "Wang", "Zhang", "Trần", "Lê", "Phạm",
  "Smith", "Johnson", "Brown", "Taylor", "Williams", "Murphy", "Kelly", "Walsh", "MacLeod",
  "Fraser",
};

static const char * const honorifics[] = {
  "", "", "", "", "", "", "Dr", "Prof.", "Ms", "Mr", "H.E.", "Mme",
};

static const char * const job_titles[] = {
  "Director", "Deputy Director", "Head of Partnerships", "Programme Officer", "Policy Adviser",
  "Chief Executive", "Minister", "Permanent Secretary", "Liaison Officer",
  "Communications Manager", "Procurement Lead", "Chief Medical Officer", "Professor",
  "Research Fellow", "Country Representative", "Legal Counsel", "Chargé d'affaires",
  "Attachée de presse", "Finance Director", "Field Coordinator",
};

static const char * const languages[] = {
  "en", "fr", "de", "pt-BR", "pl", "ru", "ar", "vi", "es", "sw", "ja", "ko", "is", "sv", "tr",
  "it", "nl",
};

static const char * const topics[] = {
  "coopération transfrontalière", "vaccine cold chain", "water sanitation",
  "customs harmonisation", "grant renewal", "data protection", "disaster preparedness",
  "school meals", "maternal health", "energy transition", "refugee resettlement", "port security",
  "fisheries agreement", "heritage restoration", "digital identity", "procurement reform",
  "wildfire response", "tariff review", "youth employment", "road safety", "flood defences",
  "malaria prevention", "budget support", "election observation", "trade fair",
  "scholarship programme", "press freedom", "mining licences", "urban mobility",
  "seed distribution", "desalination plant", "broadband rollout", "archive digitisation",
  "pension reform", "anti-corruption training", "museum loan", "twinning agreement",
  "food security", "clinical trials", "Überbrückungshilfe", "évaluation à mi-parcours",
  "diaspora outreach",
};

/* Indexed by LiaInteractionKind. */
static const char * const title_prefixes[][5] = {
  { "Meeting on", "Quarterly review:", "Working session —", "Steering committee:",
    "Bilateral on" },
  { "Call about", "Check-in on", "Phone call re", "Call about", "Quick call:" },
  { "Re:", "Fwd:", "Email on", "Re: Re:", "Question about" },
  { "Conference on", "Reception:", "Workshop on", "Panel on", "Launch of" },
  { "Site visit:", "Field visit —", "Visit about", "Site visit:", "Delegation visit:" },
  { "Letter regarding", "Formal letter:", "Letter of intent:", "Letter regarding",
    "Reply on" },
  { "Note:", "Memo on", "Note to file:", "Reminder:", "Note:" },
};

static const char * const summary_sentences[] = {
  "Discussed progress on %s and agreed on next steps.",
  "They asked for an update on %s before the end of the quarter.",
  "We agreed to share the draft on %s with their team in %s.",
  "Concerns were raised about delays in %s.",
  "The delegation from %s presented their priorities for %s.",
  "A follow-up meeting is planned in %s to look at %s again.",
  "Budget figures for %s remain unclear.",
  "Strong support for a joint statement on %s.",
  "Positive tone overall; the relationship is improving since the %s dispute.",
  "Our contact will brief the minister on %s next week.",
};

static const char * const outcomes[] = {
  "", "", "Agreed next steps", "Follow-up scheduled", "Draft MoU to be circulated",
  "No decision yet", "Escalated to the director", "Funding approved", "Request declined",
  "Information shared", "Joint statement agreed", "Awaiting their reply",
};

static const char * const commitment_verbs[] = {
  "Send", "Review", "Share", "Draft", "Circulate", "Confirm", "Prepare", "Sign", "Deliver",
  "Provide",
};

static const char * const commitment_objects[] = {
  "the draft MoU", "budget figures", "a briefing note", "the signed letter", "comments",
  "the agenda", "the contact list", "the evaluation report", "site visit dates",
  "the translated summary",
};

/* Words whose accent-stripped prefixes make good queries ("zur" must find "Zürich"). */
static const char * const accented_words[] = {
  "Zürich", "Genève", "São Paulo", "Kraków", "Łódź", "Bogotá", "Reykjavík", "Malmö",
  "Düsseldorf", "Montréal", "Müller", "Lefèvre", "Ólafsson", "Gonçalves", "Horváth", "Dvořák",
  "Yılmaz", "Çelik", "Åsa", "Anaïs", "Élodie", "Überbrückungshilfe", "coopération", "Académie",
  "Hôpital", "Nouméa", "Yaoundé", "Asunción", "Córdoba", "Keïta",
};

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

static const char *
pick (GRand             *rand,
      const char * const *list,
      guint              n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, array) pick ((rand), (array), G_N_ELEMENTS (array))

/* Low indices much more often than high ones, so that a few organizations are busy. */
static guint
pick_skewed (GRand *rand,
             guint  n)
{
  double u = g_rand_double (rand);
  guint i = (guint) (u * u * n);

  return MIN (i, n - 1);
}

static char *
ascii_slug (const char *text,
            gsize       max_len)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < max_len; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
    }

  return g_string_free (slug, FALSE);
}

static char *
random_digits (GRand *rand,
               guint  n)
{
  char *s = g_malloc (n + 1);

  for (guint i = 0; i < n; i++)
    s[i] = (char) ('0' + g_rand_int_range (rand, 0, 10));
  s[n] = '\0';
  return s;
}

static void
set_julian (GDate   *date,
            guint32  julian)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
}

static guint32
julian_of (int        year,
           GDateMonth month,
           int        day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* ------------------------------------------------------------------------------------------ */
/* The data set                                                                                */

void
bench_data_init (BenchData *data)
{
  g_return_if_fail (data != NULL);

  data->city_zones = g_new0 (GTimeZone *, G_N_ELEMENTS (cities));
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      data->city_zones[i] = g_time_zone_new_identifier (cities[i].time_zone);
      if (data->city_zones[i] == NULL)
        data->city_zones[i] = g_time_zone_new_utc ();
    }

  data->history_first_day = julian_of (DATA_FIRST_YEAR - 8, G_DATE_JANUARY, 1);
  data->first_day = julian_of (DATA_FIRST_YEAR, G_DATE_JANUARY, 1);
  data->last_day = julian_of (DATA_FIRST_YEAR + DATA_YEARS - 1, G_DATE_DECEMBER, 31);
}

void
bench_data_clear (BenchData *data)
{
  g_return_if_fail (data != NULL);

  if (data->city_zones != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
        g_time_zone_unref (data->city_zones[i]);
      g_clear_pointer (&data->city_zones, g_free);
    }
  if (data->organization_members != NULL)
    {
      for (guint i = 0; i < data->n_organizations; i++)
        g_array_unref (data->organization_members[i]);
      g_clear_pointer (&data->organization_members, g_free);
    }
  g_clear_pointer (&data->organization_ids, g_free);
  g_clear_pointer (&data->organization_city, g_free);
  g_clear_pointer (&data->contact_ids, g_free);
  g_clear_pointer (&data->interaction_ids, g_free);
  g_clear_pointer (&data->interaction_contact, g_free);
  g_clear_pointer (&data->interaction_organization, g_free);
  g_clear_pointer (&data->interaction_julian, g_free);
}

char *
bench_data_organization_uid (guint index)
{
  /* Fixed uids so that a later --skip-fill run finds the busy organization again. */
  return g_strdup_printf ("00000000-0000-4000-8000-%012x", index + 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Records                                                                                     */

/* Organization @index; its parent, if any, is one of the organizations written before it. */
LiaOrganization *
bench_data_new_organization (const BenchData *data,
                             GRand           *rand,
                             guint            index,
                             guint           *out_city)
{
  guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (cities));
  const City *city = &cities[c];
  const Sector *sector = &sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))];
  guint n_nouns = 0;
  const char *noun;
  const char *adjective = PICK (rand, org_adjectives);
  g_autofree char *name = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *website = NULL;
  g_autofree char *email = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *uid = bench_data_organization_uid (index);
  g_autoptr(LiaOrganization) org = NULL;
  g_autoptr(GString) short_name = g_string_new (NULL);
  const char *tags[3] = { NULL, NULL, NULL };
  LiaAssessment *assessment;

  while (sector->nouns[n_nouns] != NULL)
    n_nouns++;
  noun = sector->nouns[g_rand_int_range (rand, 0, (gint32) n_nouns)];

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      name = g_strdup_printf ("%s %s %s", city->name, adjective, noun);
      break;
    case 1:
      name = g_strdup_printf ("%s %s of %s", adjective, noun, city->name);
      break;
    case 2:
      name = g_strdup_printf ("%s %s", noun, city->name);
      break;
    default:
      name = g_strdup_printf ("%s %s – %s", adjective, noun, city->name);
      break;
    }

  org = lia_organization_new (name);
  lia_record_set_uid (LIA_RECORD (org), uid);

  {
    g_autofree char *ascii = g_str_to_ascii (name, "C");
    gboolean word_start = TRUE;

    for (const char *p = ascii; *p != '\0'; p++)
      {
        if (word_start && g_ascii_isupper (*p))
          g_string_append_c (short_name, *p);
        word_start = (*p == ' ');
      }
  }
  lia_organization_set_short_name (org, short_name->str);
  lia_organization_set_sector (org, sector->sector);
  lia_organization_set_country (org, city->country);
  lia_organization_set_locality (org, city->name);
  lia_organization_set_address_country (org, city->country);
  {
    g_autofree char *street = g_strdup_printf ("%d %s Street",
                                               g_rand_int_range (rand, 1, 300),
                                               PICK (rand, family_names));
    g_autofree char *postal = random_digits (rand, 5);

    lia_organization_set_street (org, street);
    lia_organization_set_postal_code (org, postal);
  }

  slug = ascii_slug (name, 24);
  website = g_strdup_printf ("https://www.%s%u.example.org", slug, index);
  email = g_strdup_printf ("info@%s%u.example.org", slug, index);
  digits = random_digits (rand, 7);
  phone = g_strdup_printf ("%s %s", city->phone_prefix, digits);
  lia_organization_set_website (org, website);
  lia_organization_set_email (org, email);
  lia_organization_set_phone (org, phone);

  /* About one in five belongs to a parent that was written before it. */
  if (index > 10 && g_rand_int_range (rand, 0, 5) == 0)
    lia_organization_set_parent_id (org,
                                    data->organization_ids[g_rand_int_range (rand, 0,
                                                                             (gint32) index)]);

  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *notes = g_strdup_printf ("Key partner for %s in %s.",
                                                PICK (rand, topics), city->name);
      lia_organization_set_notes (org, notes);
    }

  tags[0] = g_rand_boolean (rand) ? PICK (rand, org_tags) : NULL;
  tags[1] = tags[0] != NULL && g_rand_boolean (rand) ? PICK (rand, org_tags) : NULL;
  lia_organization_set_tags (org, tags);

  assessment = lia_organization_get_assessment (org);
  lia_assessment_set_influence (assessment, g_rand_int_range (rand, 1, 6));
  lia_assessment_set_interest (assessment, g_rand_int_range (rand, 1, 6));
  lia_assessment_set_stance (assessment, (LiaStance) g_rand_int_range (rand, 0, 6));

  *out_city = c;
  return g_steal_pointer (&org);
}

/* Contact @index; the index keeps the email addresses unique. */
LiaContact *
bench_data_new_contact (GRand *rand,
                        guint  index)
{
  const char *given = PICK (rand, given_names);
  const char *family = PICK (rand, family_names);
  const City *city = &cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))];
  g_autoptr(LiaContact) contact = lia_contact_new (given, family);
  g_autofree char *user = NULL;
  g_autofree char *email = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *phone = NULL;
  const char *langs[4] = { NULL, NULL, NULL, NULL };
  guint n_langs = g_rand_int_range (rand, 1, 4);
  LiaAssessment *assessment;

  lia_contact_set_honorific (contact, PICK (rand, honorifics));
  lia_contact_set_job_title (contact, PICK (rand, job_titles));
  lia_contact_set_time_zone (contact, city->time_zone);
  lia_contact_set_preferred_channel (contact, (LiaChannel) g_rand_int_range (rand, 0, 6));

  {
    g_autofree char *g = ascii_slug (given, 12);
    g_autofree char *f = ascii_slug (family, 12);

    if (*g == '\0' || *f == '\0')
      user = g_strdup_printf ("contact%u", index);
    else
      user = g_strdup_printf ("%s.%s%u", g, f, index);
  }
  email = g_strdup_printf ("%s@example.org", user);
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, email);
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *home = g_strdup_printf ("%s@mail.example.net", user);
      lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_HOME, home);
    }
  digits = random_digits (rand, 7);
  phone = g_strdup_printf ("%s %s", city->phone_prefix, digits);
  lia_contact_add_phone (contact,
                         g_rand_boolean (rand) ? LIA_CONTACT_POINT_KIND_WORK
                                               : LIA_CONTACT_POINT_KIND_MOBILE,
                         phone);

  /* Distinct languages: a repeat draw is simply dropped. */
  for (guint l = 0, k = 0; l < n_langs; l++)
    {
      const char *lang = PICK (rand, languages);

      if (!g_strv_contains (langs, lang))
        langs[k++] = lang;
    }
  lia_contact_set_languages (contact, langs);

  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      g_autofree char *notes = g_strdup_printf ("Met at the %s conference in %s.",
                                                PICK (rand, topics), city->name);
      lia_contact_set_notes (contact, notes);
    }

  assessment = lia_contact_get_assessment (contact);
  if (g_rand_int_range (rand, 0, 4) != 0)
    {
      lia_assessment_set_influence (assessment, g_rand_int_range (rand, 1, 6));
      lia_assessment_set_interest (assessment, g_rand_int_range (rand, 1, 6));
      lia_assessment_set_stance (assessment, (LiaStance) g_rand_int_range (rand, 0, 6));
    }

  return g_steal_pointer (&contact);
}

/* One or two affiliations of contact @contact, oldest first: a current one, and for two in five
 * an earlier one that ended when they moved. @out_organizations receives the index of each
 * one's organization, for the fill to record the contact as a member. */
GPtrArray *
bench_data_new_affiliations (const BenchData *data,
                             GRand           *rand,
                             guint            contact,
                             guint           *out_organizations)
{
  guint32 first = data->history_first_day;
  guint32 last = data->last_day;
  gboolean moved = g_rand_int_range (rand, 0, 5) < 2;
  guint32 start = first + g_rand_int_range (rand, 0, (gint32) ((last - first) / 2));
  guint32 moved_on = start + g_rand_int_range (rand, 365, 365 * 8);
  guint n = moved ? 2 : 1;
  GPtrArray *affiliations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; a < n; a++)
    {
      guint org = pick_skewed (rand, data->n_organizations);
      gboolean current = (a == n - 1);
      LiaAffiliation *affiliation =
        lia_affiliation_new (data->contact_ids[contact], data->organization_ids[org],
                             PICK (rand, job_titles));
      GDate from, until;

      if (!current)
        {
          set_julian (&from, start);
          set_julian (&until, MIN (moved_on, last));
          lia_affiliation_set_from (affiliation, &from);
          lia_affiliation_set_until (affiliation, &until);
        }
      else
        {
          set_julian (&from, moved ? MIN (moved_on, last) + 1 : start);
          lia_affiliation_set_from (affiliation, &from);
          /* One in ten has left without a known next post. */
          if (g_rand_int_range (rand, 0, 10) == 0)
            {
              set_julian (&until, MIN (g_date_get_julian (&from) + 700, last + 300));
              lia_affiliation_set_until (affiliation, &until);
            }
        }
      lia_affiliation_set_primary (affiliation, current);

      g_ptr_array_add (affiliations, affiliation);
      out_organizations[a] = org;
    }

  return affiliations;
}

static char *
make_summary (GRand      *rand,
              const char *topic,
              const char *city)
{
  guint n = g_rand_int_range (rand, 1, 4);
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    {
      const char *sentence = PICK (rand, summary_sentences);
      const char *first_arg = topic;
      const char *second_arg = city;

      /* Some sentences take the place first. */
      if (strstr (sentence, "delegation") != NULL || strstr (sentence, "planned in") != NULL)
        {
          first_arg = city;
          second_arg = topic;
        }
      if (k > 0)
        g_string_append_c (s, ' ');
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_string_append_printf (s, sentence, first_arg, second_arg);
#pragma GCC diagnostic pop
    }

  return g_string_free (s, FALSE);
}

static LiaInteractionKind
pick_kind (GRand *rand)
{
  guint r = g_rand_int_range (rand, 0, 100);

  if (r < 25) return LIA_INTERACTION_KIND_MEETING;
  if (r < 50) return LIA_INTERACTION_KIND_CALL;
  if (r < 80) return LIA_INTERACTION_KIND_EMAIL;
  if (r < 85) return LIA_INTERACTION_KIND_EVENT;
  if (r < 90) return LIA_INTERACTION_KIND_VISIT;
  if (r < 93) return LIA_INTERACTION_KIND_LETTER;
  return LIA_INTERACTION_KIND_NOTE;
}

static int
pick_sentiment (GRand *rand)
{
  guint r = g_rand_int_range (rand, 0, 100);

  if (r < 5) return -2;
  if (r < 20) return -1;
  if (r < 60) return 0;
  if (r < 90) return 1;
  return 2;
}

/* Interaction @index of data->n_interactions, which are spread over the years in order. The
 * out arguments are what its commitments will refer to: its day, its organization and its
 * first contact (indices). */
LiaInteraction *
bench_data_new_interaction (const BenchData *data,
                            GRand           *rand,
                            guint            index,
                            guint32         *out_julian,
                            guint           *out_organization,
                            guint           *out_contact)
{
  guint32 first = data->first_day;
  guint32 last = data->last_day;
  guint32 span = last - first + 1;
  /* Logged roughly as they happen, with some entered weeks late or planned ahead. */
  gint64 day = first + (gint64) index * span / data->n_interactions
               + g_rand_int_range (rand, -30, 31);
  guint32 julian = (guint32) CLAMP (day, (gint64) first, (gint64) last);
  LiaInteractionKind kind = pick_kind (rand);
  guint org = pick_skewed (rand, data->n_organizations);
  guint city_index = data->organization_city[org];
  const City *city = &cities[city_index];
  GArray *members = data->organization_members[org];
  guint contact1, contact2;
  const char *topic = PICK (rand, topics);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(LiaInteraction) interaction = NULL;
  GDate date;
  int duration = 0;

  set_julian (&date, julian);
  at = g_date_time_new (data->city_zones[city_index],
                        g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date),
                        g_rand_int_range (rand, 8, 19), 15 * g_rand_int_range (rand, 0, 4), 0);

  if (g_rand_int_range (rand, 0, 10) < 3)
    title = g_strdup_printf ("%s %s (%s)",
                             title_prefixes[kind][g_rand_int_range (rand, 0, 5)],
                             topic, city->name);
  else
    title = g_strdup_printf ("%s %s",
                             title_prefixes[kind][g_rand_int_range (rand, 0, 5)], topic);

  interaction = lia_interaction_new (kind, at, title);

  switch (kind)
    {
    case LIA_INTERACTION_KIND_MEETING: duration = g_rand_int_range (rand, 2, 9) * 15; break;
    case LIA_INTERACTION_KIND_CALL:    duration = g_rand_int_range (rand, 1, 10) * 5; break;
    case LIA_INTERACTION_KIND_EVENT:   duration = g_rand_int_range (rand, 1, 5) * 60; break;
    case LIA_INTERACTION_KIND_VISIT:   duration = g_rand_int_range (rand, 1, 9) * 60; break;
    case LIA_INTERACTION_KIND_EMAIL:
    case LIA_INTERACTION_KIND_LETTER:
    case LIA_INTERACTION_KIND_NOTE:
    default:
      break;
    }
  lia_interaction_set_duration_minutes (interaction, (guint) duration);

  if (kind == LIA_INTERACTION_KIND_MEETING || kind == LIA_INTERACTION_KIND_VISIT ||
      kind == LIA_INTERACTION_KIND_EVENT)
    lia_interaction_set_location (interaction, city->name);

  summary = make_summary (rand, topic, city->name);
  lia_interaction_set_summary (interaction, summary);
  lia_interaction_set_outcome (interaction, PICK (rand, outcomes));
  lia_interaction_set_sentiment (interaction, pick_sentiment (rand));

  /* Three participants: someone from the organization, someone else, the organization. */
  if (members->len > 0)
    contact1 = g_array_index (members, guint, g_rand_int_range (rand, 0, (gint32) members->len));
  else
    contact1 = g_rand_int_range (rand, 0, (gint32) data->n_contacts);
  contact2 = g_rand_int_range (rand, 0, (gint32) data->n_contacts);
  if (contact2 == contact1)
    contact2 = (contact2 + 1) % data->n_contacts;

  lia_interaction_add_contact (interaction, data->contact_ids[contact1]);
  if (contact2 != contact1)
    lia_interaction_add_contact (interaction, data->contact_ids[contact2]);
  lia_interaction_add_organization (interaction, data->organization_ids[org]);

  *out_julian = julian;
  *out_organization = org;
  *out_contact = contact1;
  return g_steal_pointer (&interaction);
}

/* A commitment made in one of the interactions written earlier. */
LiaCommitment *
bench_data_new_commitment (const BenchData *data,
                           GRand           *rand)
{
  guint32 data_end = data->last_day;
  guint j = g_rand_int_range (rand, 0, (gint32) data->n_interactions);
  LiaCommitmentDirection direction = g_rand_boolean (rand) ? LIA_COMMITMENT_DIRECTION_OURS
                                                             : LIA_COMMITMENT_DIRECTION_THEIRS;
  g_autofree char *title = g_strdup_printf ("%s %s on %s",
                                            PICK (rand, commitment_verbs),
                                            PICK (rand, commitment_objects),
                                            PICK (rand, topics));
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (direction, title);
  guint32 due = data->interaction_julian[j] + g_rand_int_range (rand, 7, 120);
  guint r = g_rand_int_range (rand, 0, 100);
  LiaCommitmentStatus status;
  GDate due_date;

  /* Due before the data ends: mostly settled, some left open (overdue). After: open. */
  if (due <= data_end)
    status = r < 80 ? LIA_COMMITMENT_STATUS_DONE
             : r < 85 ? LIA_COMMITMENT_STATUS_CANCELLED
             : LIA_COMMITMENT_STATUS_OPEN;
  else
    status = r < 70 ? LIA_COMMITMENT_STATUS_OPEN : LIA_COMMITMENT_STATUS_DONE;
  lia_commitment_set_status (commitment, status);

  if (g_rand_int_range (rand, 0, 10) != 0)
    {
      set_julian (&due_date, due);
      lia_commitment_set_due_date (commitment, &due_date);
    }

  if (g_rand_int_range (rand, 0, 10) != 0)
    lia_commitment_set_contact_id (commitment,
                                   data->contact_ids[data->interaction_contact[j]]);
  lia_commitment_set_organization_id (commitment,
                                      data->organization_ids[data->interaction_organization[j]]);
  lia_commitment_set_interaction_id (commitment, data->interaction_ids[j]);

  if (g_rand_int_range (rand, 0, 4) == 0)
    lia_commitment_set_notes (commitment, "Confirm by email once done.");

  return g_steal_pointer (&commitment);
}

/* ------------------------------------------------------------------------------------------ */
/* Search queries                                                                              */

/* The first @n_chars characters of @word, lowercased. */
static char *
word_prefix (const char *word,
             guint       n_chars)
{
  glong len = g_utf8_strlen (word, -1);
  g_autofree char *prefix = g_utf8_substring (word, 0, MIN ((glong) n_chars, len));

  return g_utf8_strdown (prefix, -1);
}

/* A random word of @text (split at spaces), skipping short connecting words. */
static const char *
pick_word (GRand       *rand,
           const char  *text,
           GStrv       *storage)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  const char *best = NULL;

  for (guint attempt = 0; attempt < 4 && n > 0; attempt++)
    {
      const char *w = words[g_rand_int_range (rand, 0, (gint32) n)];

      if (g_utf8_strlen (w, -1) > 3)
        {
          best = w;
          break;
        }
    }
  if (best == NULL)
    best = words[0];

  /* Keep the words alive for the caller. */
  g_strfreev (*storage);
  *storage = g_steal_pointer (&words);
  return best;
}

/* @n prefix queries as a person types them: names, places, subjects, accents left out. */
GPtrArray *
bench_data_make_queries (GRand *rand,
                         guint  n)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  while (queries->len < n)
    {
      guint r = g_rand_int_range (rand, 0, 100);
      g_auto(GStrv) storage = NULL;
      char *query;

      if (r < 25)
        {
          /* Family names, 2–5 characters. */
          const char *w = pick_word (rand, PICK (rand, family_names), &storage);
          query = word_prefix (w, g_rand_int_range (rand, 2, 6));
        }
      else if (r < 35)
        {
          const char *w = PICK (rand, given_names);
          query = word_prefix (w, g_rand_int_range (rand, 2, 6));
        }
      else if (r < 55)
        {
          /* Organization words: cities and sector nouns. */
          const char *text;

          if (g_rand_boolean (rand))
            text = cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))].name;
          else
            {
              const Sector *s = &sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))];
              guint nn = 0;

              while (s->nouns[nn] != NULL)
                nn++;
              text = s->nouns[g_rand_int_range (rand, 0, (gint32) nn)];
            }
          query = word_prefix (pick_word (rand, text, &storage), g_rand_int_range (rand, 3, 7));
        }
      else if (r < 75)
        {
          /* Title and summary vocabulary. */
          const char *w = pick_word (rand, PICK (rand, topics), &storage);
          query = word_prefix (w, g_rand_int_range (rand, 3, 7));
        }
      else if (r < 90)
        {
          /* Typed without accents: "zur" for Zürich. */
          const char *w = PICK (rand, accented_words);
          g_autofree char *ascii = g_str_to_ascii (w, "C");
          query = word_prefix (ascii, g_rand_int_range (rand, 3, 6));
        }
      else
        {
          /* Two words, given and family name: "ami dia". */
          g_autofree char *g = word_prefix (PICK (rand, given_names), 3);
          g_autofree char *f = NULL;
          const char *w = pick_word (rand, PICK (rand, family_names), &storage);

          f = word_prefix (w, 3);
          query = g_strdup_printf ("%s %s", g, f);
        }

      g_ptr_array_add (queries, query);
    }

  return queries;
}
