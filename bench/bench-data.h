/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lia-model.h"

G_BEGIN_DECLS

/* The generated data set: its size, and what later records refer back to. The generators only
 * draw from the GRand they are given, in a fixed order, so the same seed gives the same data.
 * Ids come from the store, so the fill allocates the arrays and stores each id once the record
 * is saved; bench_data_clear() frees whatever is there. */
typedef struct
{
  guint n_organizations;
  guint n_contacts;
  guint n_interactions;
  guint n_commitments;
  guint n_affiliations;      /* known after the fill */

  gint64   *organization_ids;
  guint8   *organization_city;
  gint64   *contact_ids;
  GArray  **organization_members;  /* per organization: guint indices of contacts */
  gint64   *interaction_ids;
  guint32  *interaction_contact;   /* index of the first contact */
  guint32  *interaction_organization;
  guint32  *interaction_julian;

  /* Set by bench_data_init(): parsing a zone per interaction would slow the fill down. */
  GTimeZone **city_zones;
  guint32     history_first_day;   /* Julian days: affiliations start up to eight years early */
  guint32     first_day;
  guint32     last_day;
} BenchData;

/* The size of out_organizations for bench_data_new_affiliations(). */
#define BENCH_DATA_MAX_AFFILIATIONS 2

void             bench_data_init              (BenchData       *data);
void             bench_data_clear             (BenchData       *data);

char            *bench_data_organization_uid  (guint            index);

LiaOrganization *bench_data_new_organization  (const BenchData *data,
                                               GRand           *rand,
                                               guint            index,
                                               guint           *out_city);
LiaContact      *bench_data_new_contact       (GRand           *rand,
                                               guint            index);
GPtrArray       *bench_data_new_affiliations  (const BenchData *data,
                                               GRand           *rand,
                                               guint            contact,
                                               guint           *out_organizations);
LiaInteraction  *bench_data_new_interaction   (const BenchData *data,
                                               GRand           *rand,
                                               guint            index,
                                               guint32         *out_julian,
                                               guint           *out_organization,
                                               guint           *out_contact);
LiaCommitment   *bench_data_new_commitment    (const BenchData *data,
                                               GRand           *rand);

GPtrArray       *bench_data_make_queries      (GRand           *rand,
                                               guint            n);

G_END_DECLS
