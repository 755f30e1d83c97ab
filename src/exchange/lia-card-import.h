/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-import-private.h"

G_BEGIN_DECLS

/*
 * An address-book entry, whatever the file it comes from (xCard, vCard, a row of CSV), and the
 * code that matches it with the database and stores it: a contact (with an affiliation for each
 * organization it names) or, for an organization's own card, an organization.
 *
 * A reader fills a LiaCard (_lia_card_init(), the fields, _lia_card_store(), _lia_card_clear())
 * within a LiaCardRun that lives as long as the file is read. Matching (docs/vcard.md):
 *   contact:      uid, else an email address, else a phone number (its digits), else the name
 *                 at the same organization;
 *   organization: uid, else its name, accents and case aside.
 * The run counts which rule matched (import->matched) and what the file had that Liaison
 * does not keep (_lia_import_not_kept()).
 */

/* After every pref the RFC allows (1 to 100): values without one come last. */
#define NO_PREF 101

enum { N_SURNAME, N_GIVEN, N_ADDITIONAL, N_PREFIX, N_SUFFIX, N_PARTS };
enum { ADR_POBOX, ADR_EXT, ADR_STREET, ADR_LOCALITY, ADR_REGION, ADR_CODE, ADR_COUNTRY, ADR_PARTS };

/* One value of a property that may appear several times (email, tel, lang, url). */
typedef struct
{
  char                *value;
  int                  pref;
  guint                order;
  LiaContactPointKind  kind;
} LiaCardItem;

/* What lasts while one file is read. */
typedef struct
{
  LiaImport  *import;
  /* Uids made for cards whose own uid Liaison cannot use start with this ("xcard-", …). */
  const char *uid_prefix;
  /* How problems name a card before its number: "vCard" when NULL, "Row" (CSV). */
  const char *card_noun;
  /* Organizations created in this run for the org of a person: an organization card with
   * the same name that comes later gives them its uid. Keys are gint64 ids. */
  GHashTable *implicit_organizations;
  /* The database's phone numbers by their digits, read at the first card with a phone: one
   * query instead of a scan per card (lia_store_index_contact_phones()). Contacts this run
   * stores need not be in it: they are never matched again. */
  GHashTable *phones;
  guint       n_cards;
} LiaCardRun;

typedef struct
{
  LiaCardRun *run;
  LiaImport  *import;
  /* Where problems point: the element of an XML format, else a line (and column) of the file. */
  xmlNode    *node;
  guint       line;
  guint       column;
  /* The card's place in the file, counting from 1, for messages. */
  guint       index;
  guint       order;
  /* A problem was reported: the card is not stored. */
  gboolean    bad;

  gboolean    is_organization;
  char       *fn;
  gboolean    has_n;
  char       *n[N_PARTS];
  GPtrArray  *titles;        /* char *, in the order of the file */
  char       *role;
  char       *uid;
  char       *tz;
  gboolean    tz_unusable;   /* a utc-offset or uri zone: nothing Liaison can keep */
  /* Each organization named: a NULL-terminated array, the name then its units. */
  GPtrArray  *orgs;
  gboolean    has_adr;
  int         adr_pref;
  char       *adr[ADR_PARTS];
  GArray     *emails;
  GArray     *phones;
  GArray     *languages;
  GArray     *urls;
  GPtrArray  *notes;
  GPtrArray  *tags;
  /* A person's: LiaPostalAddress, in the order of the file (an organization has the one
   * address above). */
  GPtrArray  *addresses;
  GArray     *address_prefs;  /* int, one per address, for _lia_card_add_address() */
  char       *nickname;
  char       *birthday;      /* "YYYY-MM-DD" or "--MM-DD" (lia_contact_birthday_is_valid) */
  GArray     *ims;           /* URIs: "xmpp:ana@example.org" */
  GBytes     *photo;
  char       *photo_type;    /* its MIME type */
} LiaCard;

void      _lia_card_run_init      (LiaCardRun          *run,
                                   LiaImport           *import,
                                   const char          *uid_prefix);
void      _lia_card_run_clear     (LiaCardRun          *run);

/* Starts the next card of the run (and tells the run's progress). */
void      _lia_card_init          (LiaCard             *c,
                                   LiaCardRun          *run);
void      _lia_card_clear         (LiaCard             *c);

GArray   *_lia_card_item_array_new (void);
int       _lia_card_compare_items (gconstpointer        a,
                                   gconstpointer        b);
/* Adds @value (taken; blank ones are dropped) to @items, after the values already there. */
void      _lia_card_add_item      (LiaCard             *c,
                                   GArray              *items,
                                   char                *value,
                                   int                  pref,
                                   LiaContactPointKind  kind);
/* Adds an organization and its units (NULL-terminated; blank ones left out). The units are
 * kept as the affiliation's unit, joined with ", ". */
void      _lia_card_add_org       (LiaCard             *c,
                                   const char * const  *name_and_units);

/* Adds a postal address of the person (taken; an empty one is dropped), after those with the
 * same or a better pref. */
void      _lia_card_add_address   (LiaCard             *c,
                                   LiaPostalAddress    *address,
                                   int                  pref);
/* A vCard date (BDAY) as a birthday Liaison keeps: "19850412", "1985-04-12", "--0412",
 * "--04-12" and a date-time's date part give "1985-04-12" or "--04-12"; NULL for what a
 * birthday cannot hold (a year alone, a day without month, free text). */
char     *_lia_card_birthday      (const char          *vcard_date);
/* A photo given as a data: URI ("data:image/jpeg;base64,…"): sets @c's photo and returns
 * TRUE; FALSE (nothing set) for another URI, a type that is not an image, bad base64. */
gboolean  _lia_card_set_photo_uri (LiaCard             *c,
                                   const char          *uri);

/* A problem of this card: "vCard 3: …", at its element or line. The card is not stored. */
void      _lia_card_problem       (LiaCard             *c,
                                   xmlNode             *node,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (3, 4);

/* Matches the card with the database and stores it, unless it is bad. FALSE when the import
 * must stop. */
gboolean  _lia_card_store         (LiaCard             *c);

G_END_DECLS
