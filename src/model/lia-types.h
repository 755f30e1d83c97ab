/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _LiaRecord LiaRecord;
typedef struct _LiaAssessment LiaAssessment;
typedef struct _LiaContactPoint LiaContactPoint;
typedef struct _LiaPostalAddress LiaPostalAddress;
typedef struct _LiaOrganization LiaOrganization;
typedef struct _LiaContact LiaContact;
typedef struct _LiaAffiliation LiaAffiliation;
typedef struct _LiaInteraction LiaInteraction;
typedef struct _LiaCommitment LiaCommitment;
typedef struct _LiaConcernParty LiaConcernParty;
typedef struct _LiaConcern LiaConcern;
typedef struct _LiaProjectStakeholder LiaProjectStakeholder;
typedef struct _LiaMilestone LiaMilestone;
typedef struct _LiaRisk LiaRisk;
typedef struct _LiaProject LiaProject;

G_END_DECLS
