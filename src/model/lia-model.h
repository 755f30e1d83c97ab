/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"
#include "lia-enums.h"
#include "lia-enum-types.h"
#include "lia-labels.h"
#include "lia-record.h"
#include "lia-assessment.h"
#include "lia-contact-point.h"
#include "lia-postal-address.h"
#include "lia-organization.h"
#include "lia-contact.h"
#include "lia-affiliation.h"
#include "lia-interaction.h"
#include "lia-commitment.h"
#include "lia-concern-party.h"
#include "lia-concern.h"
