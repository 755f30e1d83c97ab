/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lia-list-model-private.h"
#include "lia-list-model.h"
#include "lia-search-result.h"
#include "lia-store.h"

/* Storage benchmark: fills a database through the store API with generated but realistic data
 * (organizations, contacts with affiliations, interactions with three participants each,
 * commitments), then measures search latency, lazy-model page fetches and the memory a full
 * walk of the timeline needs. It prints figures; it never decides pass or fail on time. The
 * only failures are errors and counts that do not match what was written, so that a tiny-scale
 * run (bench-smoke in the unit suite) keeps this code from rotting.
 *
 * Every phase draws from its own GRand seeded from --seed, so the data and the queries are the
 * same from run to run and do not depend on which phases ran (--skip-fill). */

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

#define FULL_ORGANIZATIONS 10000
#define FULL_CONTACTS      100000
#define FULL_INTERACTIONS  1000000
#define FULL_COMMITMENTS   100000
#define BATCH_SIZE         10000
#define N_SEARCH_QUERIES   200
#define N_SEARCH_WARMUP    10
#define SEARCH_LIMIT       10
#define N_COLD_REPEATS     5
#define N_RANDOM_POSITIONS 20
#define RSS_SAMPLE_EVERY   10000

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

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

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

static guint
scaled (guint  full,
        double scale)
{
  double n = floor (full * scale + 0.5);

  return n < 1 ? 1 : (guint) n;
}

/* "VmRSS" or "VmHWM" of this process, in KiB; 0 when unavailable. */
static gint64
read_status_kib (const char *field)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
        return g_ascii_strtoll (lines[i] + field_len + 1, NULL, 10);
    }

  return 0;
}

static double
mib (gint64 kib)
{
  return kib / 1024.0;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;
  return (gint64) st.st_size;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of a sorted array. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank;

  g_assert (n > 0);
  rank = (guint) ceil (p * n);
  rank = CLAMP (rank, 1, n);
  return sorted[rank - 1];
}

/* The figures and the generated names are UTF-8 whatever the locale: write them as they are
 * rather than let g_print() turn "Zürich" into "Z?rich" under LANG=C. */
static void
print_raw_stdout (const char *text)
{
  fputs (text, stdout);
}

static void
print_raw_stderr (const char *text)
{
  fputs (text, stderr);
}

static void
print_heading (const char *title)
{
  g_print ("\n== %s ==\n", title);
}

static char *
read_cpu_model (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &contents, NULL, NULL))
    return g_strdup ("unknown");

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "model name"))
        {
          const char *colon = strchr (lines[i], ':');

          if (colon != NULL)
            return g_strstrip (g_strdup (colon + 1));
        }
    }

  return g_strdup ("unknown");
}

static void
print_machine (void)
{
  g_autofree char *cpu = read_cpu_model ();
  gint64 mem_kib = 0;
  g_autofree char *meminfo = NULL;
  struct utsname uts;

  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL) &&
      g_str_has_prefix (meminfo, "MemTotal:"))
    mem_kib = g_ascii_strtoll (meminfo + strlen ("MemTotal:"), NULL, 10);

  print_heading ("Machine");
  g_print ("cpu: %s\n", cpu);
  g_print ("processors: %u\n", g_get_num_processors ());
  g_print ("memory: %.1f GiB\n", mem_kib / (1024.0 * 1024.0));
  if (uname (&uts) == 0)
    g_print ("kernel: %s %s %s\n", uts.sysname, uts.release, uts.machine);
  g_print ("sqlite: %s\n", sqlite3_libversion ());
  g_print ("glib: %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
  g_print ("build type: %s\n", BENCH_BUILDTYPE);
}

/* ------------------------------------------------------------------------------------------ */
/* The benchmark's state                                                                       */

typedef struct
{
  double  scale;
  char   *database;
  int     seed;
  gboolean skip_fill;
  int     max_walk_seconds;
} Options;

typedef struct
{
  const Options *options;
  LiaStore      *store;

  guint n_organizations;
  guint n_contacts;
  guint n_interactions;
  guint n_commitments;
  guint n_affiliations;      /* known after the fill */

  /* Filled as records are written; only what later phases refer to. */
  gint64   *organization_ids;
  guint8   *organization_city;
  gint64   *contact_ids;
  GArray  **organization_members;  /* per organization: guint indices of contacts */
  gint64   *interaction_ids;
  guint32  *interaction_contact;   /* index of the first contact */
  guint32  *interaction_organization;
  guint32  *interaction_julian;

  GTimeZone *city_zones[G_N_ELEMENTS (cities)];

  guint     in_batch;
} Bench;

static GRand *
phase_rand (const Bench *b,
            guint        phase)
{
  return g_rand_new_with_seed ((guint32) b->options->seed * 7919u + phase);
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

/* Saves @record inside the current batch, starting a transaction at the first record of a batch
 * and committing after BATCH_SIZE records. */
static gboolean
save_batched (Bench      *b,
              gpointer    record,
              GError    **error)
{
  if (b->in_batch == 0 && !lia_store_begin (b->store, error))
    return FALSE;

  if (!lia_store_save (b->store, LIA_RECORD (record), error))
    {
      lia_store_rollback (b->store);
      b->in_batch = 0;
      return FALSE;
    }

  if (++b->in_batch == BATCH_SIZE)
    {
      b->in_batch = 0;
      return lia_store_commit (b->store, error);
    }

  return TRUE;
}

static gboolean
finish_batch (Bench   *b,
              GError **error)
{
  if (b->in_batch == 0)
    return TRUE;
  b->in_batch = 0;
  return lia_store_commit (b->store, error);
}

static char *
organization_uid (guint index)
{
  /* Fixed uids so that a later --skip-fill run finds the busy organization again. */
  return g_strdup_printf ("00000000-0000-4000-8000-%012x", index + 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Fill                                                                                        */

static void
report_phase (const char *what,
              guint       count,
              gint64      start_us)
{
  double seconds = (g_get_monotonic_time () - start_us) / 1e6;

  g_print ("%-14s %9u records in %8.2f s  = %9.0f records/s\n",
           what, count, seconds, seconds > 0 ? count / seconds : 0.0);
}

static gboolean
fill_organizations (Bench   *b,
                    GError **error)
{
  g_autoptr(GRand) rand = phase_rand (b, 1);

  for (guint i = 0; i < b->n_organizations; i++)
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
      g_autofree char *uid = organization_uid (i);
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
      website = g_strdup_printf ("https://www.%s%u.example.org", slug, i);
      email = g_strdup_printf ("info@%s%u.example.org", slug, i);
      digits = random_digits (rand, 7);
      phone = g_strdup_printf ("%s %s", city->phone_prefix, digits);
      lia_organization_set_website (org, website);
      lia_organization_set_email (org, email);
      lia_organization_set_phone (org, phone);

      /* About one in five belongs to a parent that was written before it. */
      if (i > 10 && g_rand_int_range (rand, 0, 5) == 0)
        lia_organization_set_parent_id (org, b->organization_ids[g_rand_int_range (rand, 0, (gint32) i)]);

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

      if (!save_batched (b, org, error))
        return FALSE;

      b->organization_ids[i] = lia_record_get_id (LIA_RECORD (org));
      b->organization_city[i] = (guint8) c;
    }

  return finish_batch (b, error);
}

static gboolean
fill_contacts (Bench   *b,
               GError **error)
{
  g_autoptr(GRand) rand = phase_rand (b, 2);

  for (guint i = 0; i < b->n_contacts; i++)
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
          user = g_strdup_printf ("contact%u", i);
        else
          user = g_strdup_printf ("%s.%s%u", g, f, i);
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

      if (!save_batched (b, contact, error))
        return FALSE;

      b->contact_ids[i] = lia_record_get_id (LIA_RECORD (contact));
    }

  return finish_batch (b, error);
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

/* One or two affiliations per contact: a current one, and for two in five an earlier one that
 * ended when they moved. */
static gboolean
fill_affiliations (Bench   *b,
                   GError **error)
{
  g_autoptr(GRand) rand = phase_rand (b, 3);
  guint32 first = julian_of (DATA_FIRST_YEAR - 8, G_DATE_JANUARY, 1);
  guint32 last = julian_of (DATA_FIRST_YEAR + DATA_YEARS - 1, G_DATE_DECEMBER, 31);

  b->n_affiliations = 0;

  for (guint i = 0; i < b->n_contacts; i++)
    {
      gboolean moved = g_rand_int_range (rand, 0, 5) < 2;
      guint32 start = first + g_rand_int_range (rand, 0, (gint32) ((last - first) / 2));
      guint32 moved_on = start + g_rand_int_range (rand, 365, 365 * 8);
      guint n = moved ? 2 : 1;

      for (guint a = 0; a < n; a++)
        {
          guint org = pick_skewed (rand, b->n_organizations);
          gboolean current = (a == n - 1);
          g_autoptr(LiaAffiliation) affiliation =
            lia_affiliation_new (b->contact_ids[i], b->organization_ids[org],
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

          if (!save_batched (b, affiliation, error))
            return FALSE;

          g_array_append_val (b->organization_members[org], i);
          b->n_affiliations++;
        }
    }

  return finish_batch (b, error);
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

static gboolean
fill_interactions (Bench   *b,
                   GError **error)
{
  g_autoptr(GRand) rand = phase_rand (b, 4);
  guint32 first = julian_of (DATA_FIRST_YEAR, G_DATE_JANUARY, 1);
  guint32 last = julian_of (DATA_FIRST_YEAR + DATA_YEARS - 1, G_DATE_DECEMBER, 31);
  guint32 span = last - first + 1;
  guint progress_step = MAX (b->n_interactions / 10, 1);
  gint64 step_start = g_get_monotonic_time ();

  for (guint i = 0; i < b->n_interactions; i++)
    {
      /* Logged roughly as they happen, with some entered weeks late or planned ahead. */
      gint64 day = first + (gint64) i * span / b->n_interactions
                   + g_rand_int_range (rand, -30, 31);
      guint32 julian = (guint32) CLAMP (day, (gint64) first, (gint64) last);
      LiaInteractionKind kind = pick_kind (rand);
      guint org = pick_skewed (rand, b->n_organizations);
      guint city_index = b->organization_city[org];
      const City *city = &cities[city_index];
      GArray *members = b->organization_members[org];
      guint contact1, contact2;
      const char *topic = PICK (rand, topics);
      g_autofree char *title = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(GDateTime) at = NULL;
      g_autoptr(LiaInteraction) interaction = NULL;
      GDate date;
      int duration = 0;

      set_julian (&date, julian);
      at = g_date_time_new (b->city_zones[city_index],
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
        contact1 = g_rand_int_range (rand, 0, (gint32) b->n_contacts);
      contact2 = g_rand_int_range (rand, 0, (gint32) b->n_contacts);
      if (contact2 == contact1)
        contact2 = (contact2 + 1) % b->n_contacts;

      lia_interaction_add_contact (interaction, b->contact_ids[contact1]);
      if (contact2 != contact1)
        lia_interaction_add_contact (interaction, b->contact_ids[contact2]);
      lia_interaction_add_organization (interaction, b->organization_ids[org]);

      if (!save_batched (b, interaction, error))
        return FALSE;

      b->interaction_ids[i] = lia_record_get_id (LIA_RECORD (interaction));
      b->interaction_contact[i] = contact1;
      b->interaction_organization[i] = org;
      b->interaction_julian[i] = julian;

      /* Whether the rate holds up as the tables and the full-text index grow. */
      if ((i + 1) % progress_step == 0)
        {
          double seconds = (g_get_monotonic_time () - step_start) / 1e6;

          g_print ("  … %7u interactions: the last %u at %.0f records/s\n", i + 1, progress_step,
                   seconds > 0 ? progress_step / seconds : 0.0);
          step_start = g_get_monotonic_time ();
        }
    }

  return finish_batch (b, error);
}

static gboolean
fill_commitments (Bench   *b,
                  GError **error)
{
  g_autoptr(GRand) rand = phase_rand (b, 5);
  guint32 data_end = julian_of (DATA_FIRST_YEAR + DATA_YEARS - 1, G_DATE_DECEMBER, 31);

  for (guint i = 0; i < b->n_commitments; i++)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) b->n_interactions);
      LiaCommitmentDirection direction = g_rand_boolean (rand) ? LIA_COMMITMENT_DIRECTION_OURS
                                                                 : LIA_COMMITMENT_DIRECTION_THEIRS;
      g_autofree char *title = g_strdup_printf ("%s %s on %s",
                                                PICK (rand, commitment_verbs),
                                                PICK (rand, commitment_objects),
                                                PICK (rand, topics));
      g_autoptr(LiaCommitment) commitment = lia_commitment_new (direction, title);
      guint32 due = b->interaction_julian[j] + g_rand_int_range (rand, 7, 120);
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
                                       b->contact_ids[b->interaction_contact[j]]);
      lia_commitment_set_organization_id (commitment,
                                          b->organization_ids[b->interaction_organization[j]]);
      lia_commitment_set_interaction_id (commitment, b->interaction_ids[j]);

      if (g_rand_int_range (rand, 0, 4) == 0)
        lia_commitment_set_notes (commitment, "Confirm by email once done.");

      if (!save_batched (b, commitment, error))
        return FALSE;
    }

  return finish_batch (b, error);
}

/* Folds the WAL into the main file with a connection of our own, so that the size on disk is
 * the database's, then splits it by what holds the pages when SQLite has dbstat. */
static void
report_size (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gint64 before = file_size (path) + file_size (wal);
  sqlite3_stmt *stmt = NULL;
  gint64 total;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      if (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
        g_print ("(checkpoint failed: %s)\n", sqlite3_errmsg (db));
    }

  total = file_size (path) + file_size (wal);
  g_print ("before checkpoint: %.1f MiB (main file + WAL)\n", before / 1048576.0);
  g_print ("database size: %.1f MiB (main %.1f MiB + WAL %.1f MiB; shm %.1f KiB)\n",
           total / 1048576.0, file_size (path) / 1048576.0, file_size (wal) / 1048576.0,
           file_size (shm) / 1024.0);

  if (db != NULL &&
      sqlite3_prepare_v2 (db,
                          "SELECT CASE WHEN d.name LIKE '%\\_fts%' ESCAPE '\\' THEN 'full-text index'"
                          " WHEN s.type = 'index' THEN 'indexes' ELSE 'tables' END AS part,"
                          " sum(d.pgsize) FROM dbstat AS d"
                          " LEFT JOIN sqlite_schema AS s ON s.name = d.name"
                          " GROUP BY part ORDER BY 2 DESC",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_print ("  %-16s %8.1f MiB\n", (const char *) sqlite3_column_text (stmt, 0),
                 sqlite3_column_int64 (stmt, 1) / 1048576.0);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
}

static gboolean
run_fill (Bench   *b,
          GError **error)
{
  gint64 total_start, start;
  guint total_records;

  print_heading ("Fill (lia_store_save, transactions of 10000 records)");

  b->organization_ids = g_new0 (gint64, b->n_organizations);
  b->organization_city = g_new0 (guint8, b->n_organizations);
  b->organization_members = g_new0 (GArray *, b->n_organizations);
  for (guint i = 0; i < b->n_organizations; i++)
    b->organization_members[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  b->contact_ids = g_new0 (gint64, b->n_contacts);
  b->interaction_ids = g_new0 (gint64, b->n_interactions);
  b->interaction_contact = g_new0 (guint32, b->n_interactions);
  b->interaction_organization = g_new0 (guint32, b->n_interactions);
  b->interaction_julian = g_new0 (guint32, b->n_interactions);

  total_start = g_get_monotonic_time ();

  start = g_get_monotonic_time ();
  if (!fill_organizations (b, error))
    return FALSE;
  report_phase ("organizations", b->n_organizations, start);

  start = g_get_monotonic_time ();
  if (!fill_contacts (b, error))
    return FALSE;
  report_phase ("contacts", b->n_contacts, start);

  start = g_get_monotonic_time ();
  if (!fill_affiliations (b, error))
    return FALSE;
  report_phase ("affiliations", b->n_affiliations, start);

  start = g_get_monotonic_time ();
  if (!fill_interactions (b, error))
    return FALSE;
  report_phase ("interactions", b->n_interactions, start);

  start = g_get_monotonic_time ();
  if (!fill_commitments (b, error))
    return FALSE;
  report_phase ("commitments", b->n_commitments, start);

  total_records = b->n_organizations + b->n_contacts + b->n_affiliations +
                  b->n_interactions + b->n_commitments;
  report_phase ("total", total_records, total_start);

  g_clear_pointer (&b->interaction_ids, g_free);
  g_clear_pointer (&b->interaction_contact, g_free);
  g_clear_pointer (&b->interaction_organization, g_free);
  g_clear_pointer (&b->interaction_julian, g_free);

  return TRUE;
}

static gboolean
check_counts (Bench   *b,
              GError **error)
{
  LiaStoreCounts counts;
  gint64 start = g_get_monotonic_time ();

  if (!lia_store_get_counts (b->store, &counts, error))
    return FALSE;

  g_print ("lia_store_get_counts: %.1f ms\n", ms_since (start));
  g_print ("organizations %" G_GINT64_FORMAT ", contacts %" G_GINT64_FORMAT
           ", affiliations %" G_GINT64_FORMAT ", interactions %" G_GINT64_FORMAT
           ", commitments %" G_GINT64_FORMAT " (open %" G_GINT64_FORMAT
           ", overdue %" G_GINT64_FORMAT ")\n",
           counts.organizations, counts.contacts, counts.affiliations, counts.interactions,
           counts.commitments, counts.open_commitments, counts.overdue_commitments);

  if (counts.organizations != b->n_organizations || counts.contacts != b->n_contacts ||
      counts.interactions != b->n_interactions || counts.commitments != b->n_commitments ||
      (!b->options->skip_fill && counts.affiliations != b->n_affiliations))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The database does not hold what was written: expected %u organizations, "
                   "%u contacts, %u affiliations, %u interactions, %u commitments "
                   "(with --skip-fill, pass the --scale the database was filled with)",
                   b->n_organizations, b->n_contacts, b->n_affiliations, b->n_interactions,
                   b->n_commitments);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Search                                                                                      */

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

static GPtrArray *
make_queries (GRand *rand,
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

typedef struct
{
  double      ms;
  const char *query;
  guint       n_results;
} Timed;

static int
compare_timed_desc (gconstpointer a,
                    gconstpointer b)
{
  const Timed *x = a;
  const Timed *y = b;

  return (x->ms < y->ms) - (x->ms > y->ms);
}

static gboolean
run_search (Bench   *b,
            GError **error)
{
  g_autoptr(GRand) rand = phase_rand (b, 10);
  g_autoptr(GPtrArray) warmup = make_queries (rand, N_SEARCH_WARMUP);
  g_autoptr(GPtrArray) queries = make_queries (rand, N_SEARCH_QUERIES);
  double ms[N_SEARCH_QUERIES];
  Timed timed[N_SEARCH_QUERIES];
  guint64 total_results = 0;
  guint with_results = 0;

  print_heading ("Search (lia_store_search, 10 per kind, 200 prefix queries)");

  for (guint i = 0; i < warmup->len; i++)
    {
      g_autoptr(GPtrArray) results = lia_store_search (b->store, warmup->pdata[i], SEARCH_LIMIT,
                                                       error);
      if (results == NULL)
        return FALSE;
    }

  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = queries->pdata[i];
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) results = lia_store_search (b->store, q, SEARCH_LIMIT, error);

      ms[i] = ms_since (start);
      if (results == NULL)
        {
          g_prefix_error (error, "Search for “%s”: ", q);
          return FALSE;
        }
      timed[i].ms = ms[i];
      timed[i].query = q;
      timed[i].n_results = results->len;
      total_results += results->len;
      with_results += results->len > 0;
    }

  qsort (ms, queries->len, sizeof (double), compare_doubles);
  qsort (timed, queries->len, sizeof (Timed), compare_timed_desc);

  g_print ("queries: %u (after %u warm-up queries), e.g. “%s”, “%s”, “%s”\n",
           queries->len, warmup->len, (const char *) queries->pdata[0],
           (const char *) queries->pdata[1], (const char *) queries->pdata[2]);
  g_print ("search p50: %.2f ms\n", percentile (ms, queries->len, 0.50));
  g_print ("search p95: %.2f ms (target ≤ 10 ms)\n", percentile (ms, queries->len, 0.95));
  g_print ("search max: %.2f ms\n", ms[queries->len - 1]);
  g_print ("results per query: %.1f on average; %u of %u queries found something\n",
           (double) total_results / queries->len, with_results, queries->len);
  g_print ("slowest queries:");
  for (guint i = 0; i < MIN (5, queries->len); i++)
    g_print (" “%s” %.1f ms (%u results)%s", timed[i].query, timed[i].ms, timed[i].n_results,
             i + 1 < MIN (5, queries->len) ? "," : "\n");

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Lazy list model                                                                             */

/* get_item + unref of one row, in ms. */
static double
time_fetch (LiaListModel *model,
            guint         position)
{
  gint64 start = g_get_monotonic_time ();
  gpointer item = g_list_model_get_item (G_LIST_MODEL (model), position);
  double elapsed;

  if (item == NULL)
    g_error ("get_item (%u) returned NULL for a model of %u items", position,
             g_list_model_get_n_items (G_LIST_MODEL (model)));
  g_object_unref (item);
  elapsed = ms_since (start);
  return elapsed;
}

static LiaListModel *
new_counted_model (LiaStore                *store,
                   const LiaTimelineFilter *filter,
                   double                  *out_new_ms,
                   double                  *out_count_ms,
                   guint                   *out_n)
{
  gint64 start = g_get_monotonic_time ();
  LiaListModel *model = lia_list_model_new_timeline (store, filter);
  double new_ms = ms_since (start);
  guint n;

  start = g_get_monotonic_time ();
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (out_count_ms != NULL)
    *out_count_ms = ms_since (start);
  if (out_new_ms != NULL)
    *out_new_ms = new_ms;
  if (out_n != NULL)
    *out_n = n;
  return model;
}

/* Cold fetches at @position, each on a new model, then on the last one a fetch in the cached
 * page and one of the neighbouring page. */
static void
measure_position (LiaStore                *store,
                  const LiaTimelineFilter *filter,
                  const char              *label,
                  guint                    position,
                  double                  *worst_cold)
{
  double cold[N_COLD_REPEATS];
  g_autoptr(LiaListModel) model = NULL;
  guint n = 0;
  guint neighbour;
  double cached, warm;
  guint pages_before;

  for (guint r = 0; r < N_COLD_REPEATS; r++)
    {
      g_clear_object (&model);
      model = new_counted_model (store, filter, NULL, NULL, &n);
      cold[r] = time_fetch (model, position);
    }

  cached = time_fetch (model, position == 0 ? 1 : position - 1);
  neighbour = position + LIA_LIST_MODEL_PAGE_SIZE < n ? position + LIA_LIST_MODEL_PAGE_SIZE
              : position >= LIA_LIST_MODEL_PAGE_SIZE ? position - LIA_LIST_MODEL_PAGE_SIZE
              : position;
  pages_before = _lia_list_model_get_pages_fetched (model);
  warm = time_fetch (model, neighbour);

  qsort (cold, N_COLD_REPEATS, sizeof (double), compare_doubles);
  g_print ("%-7s (position %7u): cold page fetch %.2f ms (median of %u new models, max %.2f ms);"
           " same page %.3f ms; neighbouring page (%u) %.2f ms; pages fetched %u (+%u)\n",
           label, position, percentile (cold, N_COLD_REPEATS, 0.5), N_COLD_REPEATS,
           cold[N_COLD_REPEATS - 1], cached, neighbour, warm,
           _lia_list_model_get_pages_fetched (model),
           _lia_list_model_get_pages_fetched (model) - pages_before);

  *worst_cold = MAX (*worst_cold, cold[N_COLD_REPEATS - 1]);
  *worst_cold = MAX (*worst_cold, warm);
}

typedef struct
{
  guint  n;
  guint  visited;
  double seconds;
  guint  pages;
  gint64 rss_before;
  gint64 rss_max;
  gint64 rss_after_tenth;
  gint64 rss_after;
  gboolean stopped;
} Walk;

/* Front to back with get_item/unref, as a scroll would, sampling VmRSS. */
static void
walk_model (LiaListModel *model,
            int           max_seconds,
            Walk         *walk)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint tenth = MAX (n / 10, 1);
  guint pages_before = _lia_list_model_get_pages_fetched (model);
  gint64 start, deadline;

  memset (walk, 0, sizeof *walk);
  walk->n = n;
  walk->rss_before = read_status_kib ("VmRSS");
  walk->rss_max = walk->rss_before;
  walk->rss_after_tenth = walk->rss_before;

  start = g_get_monotonic_time ();
  deadline = start + (gint64) max_seconds * G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item == NULL)
        g_error ("get_item (%u) returned NULL during the walk of %u items", i, n);
      g_object_unref (item);
      walk->visited++;

      if ((i + 1) % RSS_SAMPLE_EVERY == 0 || i + 1 == n || i + 1 == tenth)
        {
          gint64 rss = read_status_kib ("VmRSS");

          walk->rss_max = MAX (walk->rss_max, rss);
          if (i + 1 == tenth)
            walk->rss_after_tenth = rss;
          if ((i + 1) % (RSS_SAMPLE_EVERY * 10) == 0)
            g_printerr ("  … walked %u of %u, RSS %.1f MiB\n", i + 1, n, mib (rss));
          if (g_get_monotonic_time () > deadline)
            {
              walk->stopped = TRUE;
              break;
            }
        }
    }

  walk->seconds = (g_get_monotonic_time () - start) / 1e6;
  walk->pages = _lia_list_model_get_pages_fetched (model) - pages_before;
  walk->rss_after = read_status_kib ("VmRSS");
}

static void
print_walk (const char *label,
            const Walk *walk)
{
  g_print ("%s: %u of %u items in %.2f s (%.0f items/s), %u pages fetched, %.3f ms per page%s\n",
           label, walk->visited, walk->n, walk->seconds,
           walk->seconds > 0 ? walk->visited / walk->seconds : 0.0, walk->pages,
           walk->pages > 0 ? walk->seconds * 1000.0 / walk->pages : 0.0,
           walk->stopped ? " (STOPPED at the time limit)" : "");
  g_print ("%s: RSS before %.1f MiB, max during %.1f MiB, growth %.1f MiB"
           " (growth after the first tenth: %.1f MiB), after %.1f MiB\n",
           label, mib (walk->rss_before), mib (walk->rss_max),
           mib (walk->rss_max - walk->rss_before), mib (walk->rss_max - walk->rss_after_tenth),
           mib (walk->rss_after));
}

static gboolean
run_models (Bench   *b,
            GError **error)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaListModel) org_model = NULL;
  g_autoptr(LiaListModel) recent_model = NULL;
  g_autoptr(LiaRecord) busy = NULL;
  g_autoptr(GRand) rand = phase_rand (b, 20);
  g_autofree char *busy_uid = organization_uid (0);
  g_autofree char *since_iso = NULL;
  double new_ms, count_ms, worst = 0.0;
  double random_cold[N_RANDOM_POSITIONS];
  guint n, org_n, recent_n;
  LiaTimelineFilter org_filter = { 0 };
  LiaTimelineFilter recent_filter = { 0 };
  GDate since;
  Walk full_walk, recent_walk;

  print_heading ("Lazy timeline model (lia_list_model_new_timeline, pages of 64)");

  model = new_counted_model (b->store, NULL, &new_ms, &count_ms, &n);
  g_print ("new model (counts): %.2f ms, get_n_items %.2f ms: %u rows\n", new_ms, count_ms, n);
  g_clear_object (&model);

  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The timeline is empty");
      return FALSE;
    }
  if (n != b->n_interactions)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The timeline has %u rows, expected %u", n, b->n_interactions);
      return FALSE;
    }

  measure_position (b->store, NULL, "top", 0, &worst);
  measure_position (b->store, NULL, "middle", n / 2, &worst);
  measure_position (b->store, NULL, "end", n - 1, &worst);

  for (guint i = 0; i < N_RANDOM_POSITIONS; i++)
    {
      g_autoptr(LiaListModel) m = new_counted_model (b->store, NULL, NULL, NULL, NULL);

      random_cold[i] = time_fetch (m, g_rand_int_range (rand, 0, (gint32) n));
    }
  qsort (random_cold, N_RANDOM_POSITIONS, sizeof (double), compare_doubles);
  g_print ("random positions: cold page fetch median %.2f ms, max %.2f ms over %u new models\n",
           percentile (random_cold, N_RANDOM_POSITIONS, 0.5),
           random_cold[N_RANDOM_POSITIONS - 1], N_RANDOM_POSITIONS);
  worst = MAX (worst, random_cold[N_RANDOM_POSITIONS - 1]);
  g_print ("page fetch worst, before any idle time: %.2f ms\n", worst);

  /* What a person meets: the window is idle between frames, and the model uses that time to
   * leave anchors along the list. Then a jump anywhere is a short read. */
  {
    g_autoptr(LiaListModel) walked = new_counted_model (b->store, NULL, NULL, NULL, NULL);
    double walked_fetch[N_RANDOM_POSITIONS + 1];
    gint64 start = g_get_monotonic_time ();
    double walk_ms;

    while (_lia_list_model_is_walking (walked))
      g_main_context_iteration (NULL, FALSE);
    walk_ms = ms_since (start);

    walked_fetch[0] = time_fetch (walked, n / 2);
    for (guint i = 1; i <= N_RANDOM_POSITIONS; i++)
      walked_fetch[i] = time_fetch (walked, g_rand_int_range (rand, 0, (gint32) n));
    g_print ("idle walk leaving anchors along the list: %.1f ms of idle time; then middle page"
             " %.2f ms\n", walk_ms, walked_fetch[0]);
    qsort (walked_fetch, N_RANDOM_POSITIONS + 1, sizeof (double), compare_doubles);
    g_print ("after the idle walk: page fetch at %u random positions median %.2f ms, max %.2f ms"
             " (target ≤ 5 ms anywhere in the list)\n", N_RANDOM_POSITIONS + 1,
             percentile (walked_fetch, N_RANDOM_POSITIONS + 1, 0.5),
             walked_fetch[N_RANDOM_POSITIONS]);
  }

  /* The busiest organization: the skewed choice makes the first one written the busiest. */
  busy = lia_store_load_by_uid (b->store, LIA_RECORD_KIND_ORGANIZATION, busy_uid, error);
  if (busy == NULL)
    return FALSE;
  org_filter.organization_id = lia_record_get_id (busy);
  org_model = new_counted_model (b->store, &org_filter, &new_ms, &count_ms, &org_n);
  g_print ("organization “%s” (id %" G_GINT64_FORMAT "): new model (counts) %.2f ms,"
           " get_n_items %.2f ms: %u rows\n",
           lia_record_get_label (busy), org_filter.organization_id, new_ms, count_ms, org_n);
  if (org_n > 0)
    {
      double w = 0.0;

      measure_position (b->store, &org_filter, "org top", 0, &w);
      measure_position (b->store, &org_filter, "org end", org_n - 1, &w);
    }

  /* A model of about a tenth of the rows (≈100,000 at full size), by date, for the walk. */
  model = new_counted_model (b->store, NULL, NULL, NULL, NULL);
  {
    g_autoptr(LiaInteraction) item = g_list_model_get_item (G_LIST_MODEL (model), n / 10);
    int y, m, d;

    g_date_time_get_ymd (lia_interaction_get_at (item), &y, &m, &d);
    g_date_clear (&since, 1);
    g_date_set_dmy (&since, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  }
  g_clear_object (&model);
  since_iso = lia_date_to_iso (&since);
  recent_filter.since = &since;
  recent_model = new_counted_model (b->store, &recent_filter, &new_ms, &count_ms, &recent_n);
  g_print ("since %s: new model (counts) %.2f ms, get_n_items %.2f ms: %u rows\n", since_iso,
           new_ms, count_ms, recent_n);

  print_heading ("Walk (get_item + unref of every row, front to back)");
  g_print ("RSS at start of walks: %.1f MiB (peak so far %.1f MiB)\n",
           mib (read_status_kib ("VmRSS")), mib (read_status_kib ("VmHWM")));

  walk_model (recent_model, b->options->max_walk_seconds, &recent_walk);
  print_walk ("walk of the smaller model", &recent_walk);
  g_clear_object (&recent_model);

  model = new_counted_model (b->store, NULL, NULL, NULL, NULL);
  walk_model (model, b->options->max_walk_seconds, &full_walk);
  print_walk ("walk of the full timeline", &full_walk);
  g_clear_object (&model);

  g_print ("RSS growth: %.1f MiB for %u rows vs %.1f MiB for %u rows "
           "(target: independent of the row count)\n",
           mib (full_walk.rss_max - full_walk.rss_before), full_walk.visited,
           mib (recent_walk.rss_max - recent_walk.rss_before), recent_walk.visited);
  g_print ("RSS growth over both walks: %.1f MiB\n",
           mib (MAX (full_walk.rss_max, recent_walk.rss_max) - recent_walk.rss_before));

  if (full_walk.visited != full_walk.n || recent_walk.visited != recent_walk.n)
    g_print ("NOTE: a walk was stopped at --max-walk-seconds=%d\n", b->options->max_walk_seconds);
  else if (full_walk.n != n || recent_walk.n != recent_n)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "A walk saw a different row count");
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (p) != 0 && errno != ENOENT)
        g_printerr ("Could not remove %s: %s\n", p, g_strerror (errno));
    }
}

int
main (int    argc,
      char **argv)
{
  Options options = { .scale = 1.0, .seed = 20240601, .max_walk_seconds = 1800 };
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      "Size relative to the full benchmark (10k organizations, 100k contacts, 1M interactions, "
      "100k commitments)", "FLOAT" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &options.database,
      "Database file, recreated unless --skip-fill, kept at the end (default: a temp file)",
      "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &options.seed, "Seed of the generated data", "N" },
    { "skip-fill", 0, 0, G_OPTION_ARG_NONE, &options.skip_fill,
      "Reuse a database filled by an earlier run at the same --scale and --seed", NULL },
    { "max-walk-seconds", 0, 0, G_OPTION_ARG_INT, &options.max_walk_seconds,
      "Stop a model walk after this long (default 1800)", "SECONDS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Liaison storage benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autofree char *tmpdir = NULL;
  Bench b = { 0 };
  gint64 start;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_set_print_handler (print_raw_stdout);
  g_set_printerr_handler (print_raw_stderr);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!(options.scale > 0.0) || options.scale > 100.0)
    {
      g_printerr ("--scale must be more than 0 (1 is the full size)\n");
      return 2;
    }
  if (options.database == NULL)
    {
      if (options.skip_fill)
        {
          g_printerr ("--skip-fill needs --database\n");
          return 2;
        }
      tmpdir = g_dir_make_tmp ("liaison-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      options.database = g_build_filename (tmpdir, "bench.db", NULL);
    }

  b.options = &options;
  b.n_organizations = scaled (FULL_ORGANIZATIONS, options.scale);
  b.n_contacts = scaled (FULL_CONTACTS, options.scale);
  b.n_interactions = scaled (FULL_INTERACTIONS, options.scale);
  b.n_commitments = scaled (FULL_COMMITMENTS, options.scale);

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      b.city_zones[i] = g_time_zone_new_identifier (cities[i].time_zone);
      if (b.city_zones[i] == NULL)
        b.city_zones[i] = g_time_zone_new_utc ();
    }

  g_print ("Liaison storage benchmark\n");
  print_machine ();

  print_heading ("Run");
  g_print ("database: %s%s\n", options.database, options.skip_fill ? " (reused)" : "");
  g_print ("scale %g, seed %d: %u organizations, %u contacts, %u interactions (3 participants "
           "each), %u commitments\n",
           options.scale, options.seed, b.n_organizations, b.n_contacts, b.n_interactions,
           b.n_commitments);

  if (!options.skip_fill)
    remove_database (options.database);

  start = g_get_monotonic_time ();
  store = lia_store_open (options.database, &error);
  if (store == NULL)
    goto fail;
  g_print ("open: %.1f ms\n", ms_since (start));
  b.store = store;

  if (!options.skip_fill && !run_fill (&b, &error))
    goto fail;

  print_heading ("Database");
  if (!check_counts (&b, &error))
    goto fail;
  report_size (options.database);
  g_print ("peak RSS so far (VmHWM): %.1f MiB\n", mib (read_status_kib ("VmHWM")));

  if (!run_search (&b, &error))
    goto fail;

  if (!run_models (&b, &error))
    goto fail;

  print_heading ("Memory");
  g_print ("RSS at the end: %.1f MiB\n", mib (read_status_kib ("VmRSS")));
  g_print ("peak RSS (VmHWM): %.1f MiB%s\n", mib (read_status_kib ("VmHWM")),
           options.skip_fill ? "" : " (includes the fill; run again with --skip-fill for the "
                                    "peak of the query phases alone)");

  g_print ("\ndatabase kept at %s\n", options.database);

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    g_time_zone_unref (b.city_zones[i]);
  if (b.organization_members != NULL)
    {
      for (guint i = 0; i < b.n_organizations; i++)
        g_array_unref (b.organization_members[i]);
    }
  g_free (b.organization_members);
  g_free (b.organization_ids);
  g_free (b.organization_city);
  g_free (b.contact_ids);
  g_free (options.database);
  return 0;

fail:
  g_printerr ("bench-store: %s\n", error->message);
  return 1;
}
