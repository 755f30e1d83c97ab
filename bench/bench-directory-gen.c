/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-directory-gen"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* Writes a valid partner directory (docs/partner-directory.md) of any size, for the import and
 * export benchmarks. It streams: each record is written as soon as it is drawn and nothing is
 * kept, so memory stays flat whatever the size. The same seed and counts give the same bytes.
 *
 * Records refer to each other only by index, and every index is drawn below the kind's count,
 * so every reference resolves; parents point to lower indices, so there are no loops. Ids are
 * zero-padded to a fixed width, so the numeric order is also the byte order the exporter uses. */

#define FULL_ORGANIZATIONS 10000
#define FULL_CONTACTS      100000
#define FULL_INTERACTIONS  1000000
#define FULL_COMMITMENTS   100000
#define FULL_CONCERNS      10000

/* Every `updated` is at or before this instant, and the first organization's is exactly it:
 * so `exported` is known before anything is written, as the format asks. */
#define EXPORTED      "2026-11-22T09:00:00Z"
#define EXPORTED_DAY  20779  /* 2026-11-22 in days since 1970-01-01 */
#define HISTORY_DAYS  (10 * 365)

typedef struct
{
  FILE   *out;
  GRand  *rand;
  guint   n_organizations;
  guint   n_contacts;
  guint   n_interactions;
  guint   n_commitments;
  guint   n_concerns;
} Gen;

static void
gen_close_file (FILE *file)
{
  if (file != NULL && file != stdout)
    fclose (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FILE, gen_close_file)

/* ------------------------------------------------------------------ word lists */

static const char * const given_names[] = {
  "Amina", "Hélène", "José Ángel", "Wanjiru", "Jürgen", "Fatima Zahra", "Ousmane", "Ximena",
  "Daniel", "Noémie", "João", "Mwanaisha", "Ingrid", "Priya", "Baraka", "Corinne", "Tobias",
  "Nuria", "Mehmet", "Luz Marina", "Samuel", "Inês", "Khady", "Thibault", "Achieng", "Carlos",
  "Grégoire", "Zawadi", "Anneliese", "Moussa", "Leila", "Raphaël", "Neema", "Álvaro", "Aurélie",
  "Emmanuel", "Séverine", "Tiago", "Yasmine", "Benoît", "يوسف", "سلمى", "Ιωάννα", "Ольга",
  "美玲", "Dương", "Siddharth", "Oluwaseun", "Ngozi", "Bjørn", "Zoë", "Łukasz", "Şebnem",
};

static const char * const family_names[] = {
  "Marchetti", "Lécuyer", "Kamau-Odhiambo", "Otieno", "Sarr", "Patiño Ruiz", "Muñoz Caicedo",
  "Benali", "El Idrissi", "Weißmann", "Groß", "Schäfer-Yılmaz", "Aydın", "Lafargue", "Charvet",
  "Gallego Prieto", "Castells i Bosch", "Conceição", "Magalhães", "Brandão", "Juma", "Massawe",
  "Mollel", "N'Diaye-Berthier", "Okonkwo", "Villalobos", "Kiprotich", "Njoroge", "Faye",
  "Diouf", "Ba", "Quiñones", "Zapata Londoño", "Raman", "Brunner", "Solberg-Haas", "Vasseur",
  "Oyono", "Abiteboul", "Sénéchal", "Wekesa", "Mwangi", "Chebet", "العلوي", "التازي",
  "Παπαδοπούλου", "Смирнова", "陈", "Nguyễn", "Adeyemi", "Ødegård", "Wiśniewski", "Öztürk",
};

static const char * const prefixes[] = { "Dr", "Pr", "Prof.", "Mme", "M.", "Me", "Ms", "Mr" };

static const char * const sectors[] = {
  "Government", "Local government", "Hospital", "Laboratory", "NGO", "International agency",
  "Company", "Insurance", "Academia", "Research institute", "Foundation", "Professional body",
};

static const char * const org_kinds[] = {
  "Ministry of Health of", "Regional Health Directorate of", "University Hospital of",
  "District Hospital of", "Reference Laboratory of", "Community Health Network of",
  "Foundation for Rural Health,", "Medical Logistics Company of", "School of Public Health,",
  "Health Insurance Fund of", "Association of Midwives of", "Institute of Tropical Medicine,",
};

static const char * const places[] = {
  "Valmarais", "Montclair-sur-Seine", "Mwanzo", "Rive-Claire", "Ndar-Tool", "San Isidro del Cauce",
  "Tadlest", "Écublens-la-Forêt", "Lindenfeld", "Almoraine", "Vila Nova de Alvor",
  "Bandari Ndogo", "Kiriaini", "Port-Aubry", "Sainte-Odile-des-Monts", "Hamra al-Jadida",
  "Nueva Esperanza", "Kwa Mbili", "Oberweiler & Söhnen", "Saint-Léon-l'Abbaye",
};

static const char * const countries[] = {
  "FR", "KE", "CH", "SN", "CO", "MA", "DE", "ES", "PT", "TZ", "BE", "CA", "UG", "BR", "TN",
};

static const char * const time_zones[] = {
  "Europe/Paris", "Africa/Nairobi", "Europe/Zurich", "Africa/Dakar", "America/Bogota",
  "Africa/Casablanca", "Europe/Berlin", "Europe/Madrid", "Europe/Lisbon", "Africa/Dar_es_Salaam",
  "Europe/Brussels", "America/Toronto", "Africa/Kampala", "America/Sao_Paulo", "Africa/Tunis",
};

/* UTC offsets as interactions are written: where the meeting took place. */
static const char * const offsets[] = {
  "+01:00", "+02:00", "+01:00", "+02:00", "+03:00", "+00:00", "-05:00", "+05:30", "-03:00",
  "+09:00", "Z",
};

static const char * const languages[] = {
  "fr", "en", "es", "de", "ar", "sw", "pt", "wo", "it", "nl", "ki", "luo", "ca", "tr",
};

static const char * const roles[] = {
  "Director", "Deputy Director", "Programme Officer", "Head of Pharmacy", "Grant Manager",
  "Logistics Coordinator", "Finance Officer", "Head of International Relations",
  "Chief Medical Officer", "Nursing Director", "Data Analyst", "Legal Counsel",
  "Field Coordinator", "Training Coordinator", "Board Member", "Key Account Manager",
};

static const char * const channels[] = { "email", "phone", "messaging", "in-person", "letter" };
static const char * const stances[] = {
  "advocate", "supportive", "neutral", "concerned", "opposed", "unknown",
};
static const char * const point_kinds[] = { "work", "work", "work", "mobile", "home", "fax", "other" };
static const char * const tags[] = {
  "key-contact", "donor", "twinning", "cold-chain", "amr", "preparedness", "community-health",
  "maternal-health", "supplier", "elected-official", "east-africa", "west-africa", "research",
};

static const char * const kinds[] = { "meeting", "call", "email", "event", "visit", "letter", "note" };
/* Relative frequencies of the kinds above. */
static const guint kind_weights[] = { 24, 30, 20, 4, 7, 7, 8 };

static const char * const topics[] = {
  "the twinning steering committee", "the cold-chain contract", "the AMR surveillance pilot",
  "the heat-health plan", "the mobile clinics", "community health worker training",
  "the midwife mentoring programme", "the annual grant report", "the data-sharing agreement",
  "the equipment shipment", "the nurse exchange", "the teleconsultation rate",
  "the preparedness exercise", "the budget reallocation", "the evaluation protocol",
};

static const char * const title_forms[] = {
  "Monthly call on %s", "Meeting on %s", "Follow-up: %s", "Steering committee: %s",
  "Site visit about %s", "Letter on %s", "Note on %s", "Quarterly review of %s",
};

static const char * const summary_first[] = {
  "Reviewed %s with the partner's team; the figures for the quarter are in line with the plan.",
  "Discussed %s. Two points remain open: the timeline and who signs on their side.",
  "The partner raised a problem with %s: the last delivery came two weeks late.",
  "Short exchange on %s, mostly to confirm the dates agreed last month.",
  "Presented our proposal on %s; they will take it to their board.",
  "Went through the budget for %s line by line with their finance officer.",
};

static const char * const summary_second[] = {
  "Minutes to follow by email.",
  "They asked for the documents in French and English.",
  "The new director attended for the first time and asked many questions.",
  "Connection was poor; we finished by phone.",
  "Good atmosphere, better than at the last meeting.",
  "Nothing decided; we meet again next month.",
};

static const char * const outcomes[] = {
  "Agreed to extend the pilot by six months.",
  "They will send the revised budget by the end of the month.",
  "We draft the letter; their director signs it.",
  "No agreement yet: escalate to the directors.",
  "Dates confirmed for the visit.",
};

static const char * const locations[] = {
  "Video call", "Regional health department, room 2.14", "Partner's office",
  "Sainte-Claire University Hospital", "Hôtel de Région, Valmarais", "Field office",
};

static const char * const positions[] = {
  "Asks for the full rate to be paid from the first month.",
  "Considers the delays were caused by the road works, not by its staff.\nWill not accept penalties.",
  "Wants to publish first; open data only after six months.",
  "Supports a compromise if the costs are shared.",
  "Has not stated a position yet.",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* ------------------------------------------------------------------ writing helpers */

static void
put_escaped (FILE       *out,
             const char *text,
             gboolean    attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': fputs ("&amp;", out); break;
        case '<': fputs ("&lt;", out); break;
        case '>': fputs ("&gt;", out); break;
        case '\r': fputs ("&#13;", out); break;
        case '"':
          if (attribute)
            fputs ("&quot;", out);
          else
            putc (*p, out);
          break;
        case '\n':
          if (attribute)
            fputs ("&#10;", out);
          else
            putc (*p, out);
          break;
        case '\t':
          if (attribute)
            fputs ("&#9;", out);
          else
            putc (*p, out);
          break;
        default:
          putc (*p, out);
        }
    }
}

static void
put_attr (FILE       *out,
          const char *name,
          const char *value)
{
  fprintf (out, " %s=\"", name);
  put_escaped (out, value, TRUE);
  putc ('"', out);
}

static void
put_element (FILE       *out,
             const char *indent,
             const char *name,
             const char *value)
{
  fprintf (out, "%s<%s>", indent, name);
  put_escaped (out, value, FALSE);
  fprintf (out, "</%s>\n", name);
}

/* Appends @form with its "%s" replaced by @topic; not printf, which cannot check a format
 * picked at run time. */
static void
append_with_topic (GString    *out,
                   const char *form,
                   const char *topic)
{
  const char *mark = strstr (form, "%s");

  g_assert (mark != NULL);
  g_string_append_len (out, form, mark - form);
  g_string_append (out, topic);
  g_string_append (out, mark + 2);
}

/* Days since 1970-01-01 to YYYY-MM-DD (Howard Hinnant's civil_from_days). */
static void
format_day (char   buffer[16],
            gint64 days)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  guint doe = (guint) (z - era * 146097);
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = (gint64) yoe + era * 400;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;
  guint d = doy - (153 * mp + 2) / 5 + 1;
  guint m = mp < 10 ? mp + 3 : mp - 9;

  g_snprintf (buffer, 16, "%04d-%02u-%02u", (int) (y + (m <= 2)), m, d);
}

/* A UTC time `seconds` after 1970 as YYYY-MM-DDTHH:MM:SSZ. */
static void
format_utc (char   buffer[32],
            gint64 seconds)
{
  char day[16];
  gint64 in_day = seconds % 86400;

  format_day (day, seconds / 86400);
  g_snprintf (buffer, 32, "%sT%02d:%02d:%02dZ", day, (int) (in_day / 3600),
              (int) (in_day / 60 % 60), (int) (in_day % 60));
}

/* created and updated of a record that began on `day`: created that day during office hours,
 * updated the same or up to a year later, never after EXPORTED. */
static void
put_times (Gen    *gen,
           gint64  day,
           gboolean latest)
{
  char created[32], updated[32];
  gint64 created_at = day * 86400 + g_rand_int_range (gen->rand, 7 * 3600, 18 * 3600);
  gint64 updated_at = created_at;

  if (g_rand_int_range (gen->rand, 0, 4) == 0)
    updated_at += g_rand_int_range (gen->rand, 60, 365 * 86400);
  if (latest || updated_at > (gint64) EXPORTED_DAY * 86400 + 9 * 3600)
    updated_at = (gint64) EXPORTED_DAY * 86400 + 9 * 3600;
  if (created_at > updated_at)
    created_at = updated_at;

  format_utc (created, created_at);
  format_utc (updated, updated_at);
  put_attr (gen->out, "created", created);
  put_attr (gen->out, "updated", updated);
}

static gint64
random_day (Gen *gen)
{
  return EXPORTED_DAY - g_rand_int_range (gen->rand, 1, HISTORY_DAYS);
}

static void
put_assessment (Gen *gen)
{
  if (g_rand_int_range (gen->rand, 0, 3) != 0)
    return;

  fputs ("    <assessment", gen->out);
  fprintf (gen->out, " influence=\"%d\"", g_rand_int_range (gen->rand, 1, 6));
  fprintf (gen->out, " interest=\"%d\"", g_rand_int_range (gen->rand, 1, 6));
  {
    const char *stance = PICK (gen->rand, stances);
    /* unknown is the default, which the exporter leaves out. */
    if (strcmp (stance, "unknown") != 0)
      put_attr (gen->out, "stance", stance);
  }
  fputs ("/>\n", gen->out);
}

/* ------------------------------------------------------------------ records */

static void
write_organization (Gen  *gen,
                    guint index)
{
  FILE *out = gen->out;
  GRand *rand = gen->rand;
  g_autoptr(GString) name = g_string_new (NULL);
  const char *place = PICK (rand, places);
  const char *country = PICK (rand, countries);
  char id[32];

  g_snprintf (id, sizeof id, "o-%08u", index);
  g_string_printf (name, "%s %s", PICK (rand, org_kinds), place);
  if (index >= G_N_ELEMENTS (org_kinds) * G_N_ELEMENTS (places))
    g_string_append_printf (name, " (%u)", index);  /* names need not be unique: readability */

  fputs ("  <organization", out);
  put_attr (out, "id", id);
  put_times (gen, EXPORTED_DAY - HISTORY_DAYS - g_rand_int_range (rand, 1, 400), index == 0);
  fputs (">\n", out);
  put_element (out, "    ", "name", name->str);
  if (g_rand_int_range (rand, 0, 2) == 0)
    {
      g_autofree char *short_name = g_strdup_printf ("ORG-%u", index);
      put_element (out, "    ", "short-name", short_name);
    }
  put_element (out, "    ", "sector", PICK (rand, sectors));
  if (index > 0 && g_rand_int_range (rand, 0, 5) == 0)
    fprintf (out, "    <parent organization=\"o-%08u\"/>\n", g_rand_int_range (rand, 0, index));
  put_element (out, "    ", "country", country);
  fprintf (out, "    <website>https://www.org%u.example</website>\n", index);
  fprintf (out, "    <email>contact@org%u.example</email>\n", index);
  fprintf (out, "    <phone>+%d %d 99 00 %02d %02d</phone>\n", g_rand_int_range (rand, 20, 400),
           g_rand_int_range (rand, 1, 10), g_rand_int_range (rand, 0, 100),
           g_rand_int_range (rand, 0, 100));
  if (g_rand_int_range (rand, 0, 4) != 0)
    {
      fputs ("    <address>\n", out);
      fprintf (out, "      <street>%d rue des Tilleuls</street>\n", g_rand_int_range (rand, 1, 200));
      fputs ("      <locality>", out);
      put_escaped (out, place, FALSE);
      fputs ("</locality>\n", out);
      fprintf (out, "      <postal-code>%05d</postal-code>\n", g_rand_int_range (rand, 1000, 99999));
      put_element (out, "      ", "country", country);
      fputs ("    </address>\n", out);
    }
  put_assessment (gen);
  for (int i = g_rand_int_range (rand, 0, 3); i > 0; i--)
    put_element (out, "    ", "tag", PICK (rand, tags));
  if (g_rand_int_range (rand, 0, 3) == 0)
    put_element (out, "    ", "notes",
                 "Any agreement needs the director's signature and a copy to the legal office.\n"
                 "Board meets on the last Thursday of the month.");
  fputs ("  </organization>\n", out);
}

static void
write_contact (Gen  *gen,
               guint index)
{
  FILE *out = gen->out;
  GRand *rand = gen->rand;
  const char *given = PICK (rand, given_names);
  const char *family = PICK (rand, family_names);
  gint64 first_day = random_day (gen) - g_rand_int_range (rand, 0, 3 * 365);
  guint n_affiliations = gen->n_organizations == 0 ? 0 : g_rand_int_range (rand, 1, 3);
  char id[32];

  g_snprintf (id, sizeof id, "c-%08u", index);
  fputs ("  <contact", out);
  put_attr (out, "id", id);
  put_times (gen, MIN (first_day, EXPORTED_DAY - 1), FALSE);
  fputs (">\n    <name>\n", out);
  if (g_rand_int_range (rand, 0, 4) == 0)
    put_element (out, "      ", "prefix", PICK (rand, prefixes));
  put_element (out, "      ", "given", given);
  put_element (out, "      ", "family", family);
  fputs ("    </name>\n", out);
  put_element (out, "    ", "job-title", PICK (rand, roles));

  /* A first post, ended when there is a second one. */
  for (guint i = 0; i < n_affiliations; i++)
    {
      gint64 from = first_day + i * g_rand_int_range (rand, 400, 1500);
      char from_text[16], until_text[16];

      format_day (from_text, from);
      fprintf (out, "    <affiliation id=\"a-%08u-%u\" organization=\"o-%08u\"", index, i,
               g_rand_int_range (rand, 0, gen->n_organizations));
      put_attr (out, "role", PICK (rand, roles));
      put_attr (out, "from", from_text);
      if (i + 1 < n_affiliations)
        {
          format_day (until_text, from + g_rand_int_range (rand, 200, 400));
          put_attr (out, "until", until_text);
        }
      else
        fputs (" primary=\"true\"", out);
      fputs ("/>\n", out);
    }

  fprintf (out, "    <email kind=\"work\">c%u@org%u.example</email>\n", index,
           gen->n_organizations ? (guint) g_rand_int_range (rand, 0, gen->n_organizations) : 0);
  if (g_rand_int_range (rand, 0, 3) == 0)
    fprintf (out, "    <email kind=\"home\">c%u.home@mail.example</email>\n", index);
  for (int i = g_rand_int_range (rand, 0, 3); i > 0; i--)
    {
      const char *kind = PICK (rand, point_kinds);

      fputs ("    <phone", out);
      put_attr (out, "kind", kind);
      fprintf (out, ">+%d %d %03d %04d</phone>\n", g_rand_int_range (rand, 20, 400),
               g_rand_int_range (rand, 1, 10), g_rand_int_range (rand, 0, 1000),
               g_rand_int_range (rand, 0, 10000));
    }
  for (int i = g_rand_int_range (rand, 1, 4); i > 0; i--)
    put_element (out, "    ", "language", PICK (rand, languages));
  put_element (out, "    ", "time-zone", PICK (rand, time_zones));
  if (g_rand_int_range (rand, 0, 2) == 0)
    put_element (out, "    ", "preferred-channel", PICK (rand, channels));
  put_assessment (gen);
  if (g_rand_int_range (rand, 0, 4) == 0)
    put_element (out, "    ", "tag", PICK (rand, tags));
  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      g_autofree char *notes = g_strdup_printf ("Prefers a short note before any call. "
                                                "Works with %s %s on the same file.",
                                                PICK (rand, given_names), PICK (rand, family_names));
      put_element (out, "    ", "notes", notes);
    }
  fputs ("  </contact>\n", out);
}

static const char *
pick_kind (GRand *rand)
{
  guint total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (kind_weights); i++)
    total += kind_weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (kind_weights); i++)
    {
      if (r < kind_weights[i])
        return kinds[i];
      r -= kind_weights[i];
    }
  return kinds[0];
}

static void
write_interaction (Gen     *gen,
                   guint    index,
                   GString *scratch)
{
  FILE *out = gen->out;
  GRand *rand = gen->rand;
  const char *kind = pick_kind (rand);
  const char *topic = PICK (rand, topics);
  /* Spread evenly over the history, so that ids follow time as in a real log. */
  gint64 day = EXPORTED_DAY - HISTORY_DAYS
               + (gint64) index * (HISTORY_DAYS - 1) / MAX (gen->n_interactions, 1);
  char id[32], at[48], day_text[16];
  int sentiment = g_rand_int_range (rand, -2, 3);
  guint n_contacts, n_organizations;

  g_snprintf (id, sizeof id, "i-%08u", index);
  format_day (day_text, day);
  g_snprintf (at, sizeof at, "%sT%02d:%02d:00%s", day_text, g_rand_int_range (rand, 8, 19),
              g_rand_int_range (rand, 0, 4) * 15, PICK (rand, offsets));

  fputs ("  <interaction", out);
  put_attr (out, "id", id);
  put_times (gen, MIN (day + 1, EXPORTED_DAY), FALSE);
  put_attr (out, "kind", kind);
  put_attr (out, "at", at);
  if (strcmp (kind, "meeting") == 0 || strcmp (kind, "call") == 0 || strcmp (kind, "visit") == 0)
    fprintf (out, " minutes=\"%d\"", 15 * g_rand_int_range (rand, 1, 9));
  if (sentiment != 0)
    fprintf (out, " sentiment=\"%d\"", sentiment);
  fputs (">\n", out);

  g_string_truncate (scratch, 0);
  append_with_topic (scratch, PICK (rand, title_forms), topic);
  put_element (out, "    ", "title", scratch->str);

  /* 1–4 participants: 1–3 contacts (neighbouring indices, so never the same one twice), and
   * sometimes an organization. */
  n_contacts = MIN ((guint) g_rand_int_range (rand, 1, 4), gen->n_contacts);
  n_organizations = gen->n_organizations && (n_contacts == 0 || g_rand_int_range (rand, 0, 4) == 0) ? 1 : 0;
  if (n_contacts > 0)
    {
      guint first = g_rand_int_range (rand, 0, gen->n_contacts);

      for (guint i = 0; i < n_contacts; i++)
        fprintf (out, "    <participant contact=\"c-%08u\"/>\n", (first + i) % gen->n_contacts);
    }
  if (n_organizations > 0)
    fprintf (out, "    <participant organization=\"o-%08u\"/>\n",
             g_rand_int_range (rand, 0, gen->n_organizations));

  if (g_rand_int_range (rand, 0, 3) == 0)
    put_element (out, "    ", "location", PICK (rand, locations));

  g_string_truncate (scratch, 0);
  append_with_topic (scratch, PICK (rand, summary_first), topic);
  if (g_rand_int_range (rand, 0, 2) == 0)
    {
      g_string_append_c (scratch, ' ');
      g_string_append (scratch, PICK (rand, summary_second));
    }
  put_element (out, "    ", "summary", scratch->str);
  if (g_rand_int_range (rand, 0, 10) < 3)
    put_element (out, "    ", "outcome", PICK (rand, outcomes));
  fputs ("  </interaction>\n", out);
}

static void
write_commitment (Gen  *gen,
                  guint index)
{
  FILE *out = gen->out;
  GRand *rand = gen->rand;
  gint64 day = random_day (gen);
  gint64 due = day + g_rand_int_range (rand, 7, 90);
  int status = g_rand_int_range (rand, 0, 10);
  char id[32], due_text[16];

  g_snprintf (id, sizeof id, "k-%08u", index);
  format_day (due_text, due);
  fputs ("  <commitment", out);
  put_attr (out, "id", id);
  put_times (gen, day, FALSE);
  put_attr (out, "direction", g_rand_boolean (rand) ? "ours" : "theirs");
  /* Mostly done in the past, open in the future; some open ones are overdue. */
  if (due < EXPORTED_DAY ? status < 7 : status < 1)
    put_attr (out, "status", "done");
  else if (status == 9)
    put_attr (out, "status", "cancelled");
  else
    put_attr (out, "status", "open");
  put_attr (out, "due", due_text);
  if (gen->n_interactions > 0 && g_rand_int_range (rand, 0, 3) != 0)
    fprintf (out, " interaction=\"i-%08u\"", g_rand_int_range (rand, 0, gen->n_interactions));
  if (gen->n_contacts > 0)
    fprintf (out, " contact=\"c-%08u\"", g_rand_int_range (rand, 0, gen->n_contacts));
  if (gen->n_organizations > 0 && g_rand_boolean (rand))
    fprintf (out, " organization=\"o-%08u\"", g_rand_int_range (rand, 0, gen->n_organizations));
  fputs (">\n", out);
  {
    g_autofree char *title = g_strdup_printf ("Send the revised documents on %s", PICK (rand, topics));
    put_element (out, "    ", "title", title);
  }
  if (g_rand_int_range (rand, 0, 4) == 0)
    put_element (out, "    ", "notes", "Reminder sent; waiting for their legal office.");
  fputs ("  </commitment>\n", out);
}

static void
write_concern (Gen  *gen,
               guint index)
{
  FILE *out = gen->out;
  GRand *rand = gen->rand;
  gint64 opened = random_day (gen);
  int status = g_rand_int_range (rand, 0, 4);
  static const char * const statuses[] = { "open", "mediating", "resolved", "closed" };
  static const char * const severities[] = { "low", "medium", "high", "critical" };
  const char *severity = PICK (rand, severities);
  char id[32], day_text[16];

  g_snprintf (id, sizeof id, "z-%08u", index);
  fputs ("  <concern", out);
  put_attr (out, "id", id);
  put_times (gen, opened, FALSE);
  put_attr (out, "status", statuses[status]);
  put_attr (out, "severity", severity);
  format_day (day_text, opened);
  put_attr (out, "opened", day_text);
  if (status >= 2)
    {
      format_day (day_text, MIN (opened + g_rand_int_range (rand, 5, 200), EXPORTED_DAY - 1));
      put_attr (out, "resolved", day_text);
    }
  fputs (">\n", out);
  {
    g_autofree char *title = g_strdup_printf ("Dispute over %s", PICK (rand, topics));
    put_element (out, "    ", "title", title);
  }
  for (int i = g_rand_int_range (rand, 1, 4); i > 0; i--)
    {
      if (gen->n_organizations > 0 && (gen->n_contacts == 0 || g_rand_boolean (rand)))
        fprintf (out, "    <party organization=\"o-%08u\"", g_rand_int_range (rand, 0, gen->n_organizations));
      else if (gen->n_contacts > 0)
        fprintf (out, "    <party contact=\"c-%08u\"", g_rand_int_range (rand, 0, gen->n_contacts));
      else
        break;
      put_attr (out, "position", PICK (rand, positions));
      fputs ("/>\n", out);
    }
  put_element (out, "    ", "root-cause",
               "The two agreements give different rules, and nobody compared them\nwhen the work started.");
  if (status >= 2)
    put_element (out, "    ", "resolution", "A joint clause was signed by both directors.");
  if (gen->n_interactions > 0)
    {
      guint n_related = MIN ((guint) g_rand_int_range (rand, 0, 3), gen->n_interactions);
      guint first = g_rand_int_range (rand, 0, gen->n_interactions);

      for (guint i = 0; i < n_related; i++)
        fprintf (out, "    <related interaction=\"i-%08u\"/>\n", (first + i) % gen->n_interactions);
    }
  fputs ("  </concern>\n", out);
}

/* ------------------------------------------------------------------ main */

static guint
scaled (guint  full,
        double scale)
{
  return (guint) (full * scale + 0.5);
}

static guint
count_or_scaled (gint64 option,
                 guint  full,
                 double scale)
{
  return option >= 0 ? (guint) option : scaled (full, scale);
}

int
main (int    argc,
      char **argv)
{
  gint64 n_organizations = -1, n_contacts = -1, n_interactions = -1, n_commitments = -1;
  gint64 n_concerns = -1, seed = 20261122;
  double scale = 1.0;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "organizations", 0, 0, G_OPTION_ARG_INT64, &n_organizations,
      "Number of organizations (default 10000 × scale)", "N" },
    { "contacts", 0, 0, G_OPTION_ARG_INT64, &n_contacts,
      "Number of contacts (default 100000 × scale)", "N" },
    { "interactions", 0, 0, G_OPTION_ARG_INT64, &n_interactions,
      "Number of interactions (default 1000000 × scale)", "N" },
    { "commitments", 0, 0, G_OPTION_ARG_INT64, &n_commitments,
      "Number of commitments (default 100000 × scale)", "N" },
    { "concerns", 0, 0, G_OPTION_ARG_INT64, &n_concerns,
      "Number of concerns (default 10000 × scale)", "N" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      "Multiplies the default counts (1 is the full benchmark size)", "F" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated data (default 20261122)", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "File to write, - for standard output", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new ("— write a partner directory of any size for the benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(FILE) file = NULL;
  g_autoptr(GString) scratch = g_string_sized_new (512);
  Gen gen = { 0 };
  gint64 start = g_get_monotonic_time ();
  gint64 n_bytes;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (output == NULL)
    {
      g_printerr ("--output FILE is required\n");
      return 2;
    }
  if (!(scale >= 0.0) || scale > 1000.0)
    {
      g_printerr ("--scale must be between 0 and 1000\n");
      return 2;
    }
  /* Ids have eight digits. */
  if (n_organizations > 99999999 || n_contacts > 99999999 || n_interactions > 99999999
      || n_commitments > 99999999 || n_concerns > 99999999 || scale * FULL_INTERACTIONS > 99999999)
    {
      g_printerr ("At most 99999999 records of each kind\n");
      return 2;
    }

  gen.n_organizations = count_or_scaled (n_organizations, FULL_ORGANIZATIONS, scale);
  gen.n_contacts = count_or_scaled (n_contacts, FULL_CONTACTS, scale);
  gen.n_interactions = count_or_scaled (n_interactions, FULL_INTERACTIONS, scale);
  gen.n_commitments = count_or_scaled (n_commitments, FULL_COMMITMENTS, scale);
  gen.n_concerns = count_or_scaled (n_concerns, FULL_CONCERNS, scale);

  if (strcmp (output, "-") == 0)
    file = stdout;
  else
    file = g_fopen (output, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_printerr ("Could not create %s: %s\n", output, g_strerror (saved_errno));
      return 1;
    }
  /* Static: it must outlive the stream, and standard output is never closed here. */
  {
    static char buffer[1 << 20];
    setvbuf (file, buffer, _IOFBF, sizeof buffer);
  }

  rand = g_rand_new_with_seed ((guint32) seed);
  gen.out = file;
  gen.rand = rand;

  /* exported is the latest updated: the first organization's, or EXPORTED anyway when there
   * is no organization (then it is only an upper bound, which the format allows to omit). */
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<partner-directory xmlns=\"urn:liaison:partner-directory:1\" version=\"1\"", file);
  if (gen.n_organizations > 0)
    fputs (" exported=\"" EXPORTED "\"", file);
  fputs (">\n", file);

  for (guint i = 0; i < gen.n_organizations; i++)
    write_organization (&gen, i);
  for (guint i = 0; i < gen.n_contacts; i++)
    write_contact (&gen, i);
  for (guint i = 0; i < gen.n_interactions; i++)
    write_interaction (&gen, i, scratch);
  for (guint i = 0; i < gen.n_commitments; i++)
    write_commitment (&gen, i);
  for (guint i = 0; i < gen.n_concerns; i++)
    write_concern (&gen, i);

  fputs ("</partner-directory>\n", file);

  n_bytes = file == stdout ? -1 : ftell (file);
  if (fflush (file) != 0 || ferror (file))
    {
      int saved_errno = errno;
      g_printerr ("Could not write %s: %s\n", output, g_strerror (saved_errno));
      return 1;
    }
  if (file != stdout)
    {
      FILE *to_close = g_steal_pointer (&file);

      if (fclose (to_close) != 0)
        {
          int saved_errno = errno;
          g_printerr ("Could not write %s: %s\n", output, g_strerror (saved_errno));
          return 1;
        }
    }

  g_printerr ("%s: %u organizations, %u contacts, %u interactions, %u commitments, %u concerns",
              output, gen.n_organizations, gen.n_contacts, gen.n_interactions, gen.n_commitments,
              gen.n_concerns);
  if (n_bytes >= 0)
    g_printerr ("; %.1f MB", n_bytes / 1e6);
  g_printerr (" in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
