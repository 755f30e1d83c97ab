/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-import-private.h"

G_BEGIN_DECLS

/* Reading xCard (RFC 6351) in two parts: lia-xcard-values.c reads each <vcard>'s properties
 * and parameters into a Card, lia-xcard-reader.c builds records from it, matches them with
 * the database and stores them. */

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
} Item;

typedef struct
{
  LiaImport  *import;
  /* Organizations created in this run for an <org> of a person: an organization vCard with
   * the same name that comes later gives them its uid. Keys are gint64 ids. */
  GHashTable *implicit_organizations;
  guint       n_cards;
} XCard;

typedef struct
{
  XCard      *xcard;
  LiaImport  *import;
  xmlNode    *node;
  guint       index;
  guint       order;
  gboolean    bad;

  gboolean    is_organization;
  char       *fn;
  gboolean    has_n;
  char       *n[N_PARTS];
  char       *title;
  char       *role;
  char       *uid;
  char       *tz;
  gboolean    tz_unusable;  /* a utc-offset or uri zone: nothing Liaison can keep */
  char      **org;
  gboolean    has_adr;
  int         adr_pref;
  char       *adr[ADR_PARTS];
  GArray     *emails;
  GArray     *phones;
  GArray     *languages;
  GArray     *urls;
  GPtrArray  *notes;
  GPtrArray  *tags;
} Card;

GArray   *_lia_xcard_item_array_new  (void);
int       _lia_xcard_compare_items   (gconstpointer  a,
                                      gconstpointer  b);
void      _lia_xcard_clear_card      (Card          *c);
gboolean  _lia_xcard_is              (xmlNode       *node,
                                      const char    *name);
/* Fills @c from the properties of @node, a <vcard>; problems set c->bad. */
void      _lia_xcard_read_properties (Card          *c,
                                      xmlNode       *node);

G_END_DECLS
