#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes data/samples/regional-health-office.xml, the sample partner directory.

The liaison office of an invented regional health department (Lorvanne, seat in Valmarais)
and three years of its log. Every person, organization, street and town is invented; the
countries, languages and time zones are real so that the data exercises them.

Standard library only and deterministic: the same script writes the same bytes. The layout
is the exporter's (docs/partner-directory.md, "What Liaison writes"): records per kind in id
byte order, a fixed attribute and child order, two-space indentation, unset values omitted
(and sentiment 0, stance unknown, primary false), `exported` the latest `updated`.

    python3 data/samples/generate-sample.py [OUTPUT]
"""

import datetime as dt
import os
import random
import sys
from zoneinfo import ZoneInfo

SEED = 20261122
NS = "urn:liaison:partner-directory:1"
TODAY = dt.date(2026, 11, 22)
# Nothing in the log is later than this: the export was made the next morning.
LAST_EDIT = dt.datetime(2026, 11, 21, 17, 48, 0, tzinfo=dt.timezone.utc)
FIRST_DAY = dt.date(2023, 12, 1)
LAST_DAY = dt.date(2026, 11, 21)
N_INTERACTIONS = 300
HOME_TZ = "Europe/Paris"

rng = random.Random(SEED)


# ---------------------------------------------------------------- organizations

# id, name, short name, sector, parent, country, website, email, phone,
# (street, locality, region, postal code, country), (influence, interest, stance), tags, notes
ORGANIZATIONS = [
    ("mhsc", "Ministry of Health and Social Cohesion", "MHSC", "Government", None, "FR",
     "https://www.sante-cohesion.gouv.example", "courrier@sante-cohesion.gouv.example",
     "+33 1 99 00 10 00",
     ("14 avenue des Tilleuls", "Montclair-sur-Seine", "Île-de-France", "75907", "France"),
     (5, 3, "supportive"), ["national", "funding"],
     "Sets the national framework and co-funds the cross-border programmes. Any agreement "
     "with a foreign partner needs the ministry's written clearance (allow six weeks)."),
    ("mhsc-dgpp", "Directorate-General for Health Preparedness", "DGPP", "Government", "mhsc",
     "FR", "https://www.sante-cohesion.gouv.example/dgpp", "dgpp.secretariat@sante-cohesion.gouv.example",
     "+33 1 99 00 10 42",
     ("14 avenue des Tilleuls, bâtiment C", "Montclair-sur-Seine", "Île-de-France", "75907", "France"),
     (4, 5, "advocate"), ["preparedness", "national"],
     "Owns the national heat-health and epidemic preparedness plans. Our regional plan is "
     "reviewed here every spring."),
    ("lorvanne-council", "Regional Council of Lorvanne", "Region", "Local government", None, "FR",
     "https://www.lorvanne-region.example", "cabinet@lorvanne-region.example", "+33 4 99 00 21 00",
     ("2 place de l'Hôtel-de-Région", "Valmarais", "Lorvanne", "38140", "France"),
     (4, 3, "neutral"), ["regional", "funding"],
     "Co-funds the mobile clinics and the heat-health plan. Political calendar matters: "
     "nothing gets signed in the three months before the regional elections."),
    ("chu-sainte-claire", "Sainte-Claire University Hospital", "CHU Sainte-Claire", "Hospital",
     None, "FR", "https://www.chu-sainte-claire.example", "direction.generale@chu-sainte-claire.example",
     "+33 4 99 00 35 00",
     ("101 boulevard Ambroise-Vernet", "Valmarais", "Lorvanne", "38143", "France"),
     (4, 4, "supportive"), ["hospital", "twinning"],
     "Partner in the twinning with Mwanzo County Referral Hospital. The international "
     "relations office sits with the director general, not with the medical board."),
    ("chu-sainte-claire-lab", "Sainte-Claire Reference Laboratory for Infectious Diseases",
     "Sainte-Claire Lab", "Laboratory", "chu-sainte-claire", "FR", None,
     "labo.reference@chu-sainte-claire.example", "+33 4 99 00 35 80",
     ("101 boulevard Ambroise-Vernet, pavillon 7", "Valmarais", "Lorvanne", "38143", "France"),
     (3, 5, "advocate"), ["laboratory", "amr", "surveillance"], None),
    ("mwanzo-hospital", "Mwanzo County Referral Hospital", "Mwanzo Hospital", "Hospital", None,
     "KE", "https://www.mwanzo-hospital.example", "ceo.office@mwanzo-hospital.example",
     "+254 20 990 0100",
     ("Hospital Road, off Ziwa Avenue", "Mwanzo", "Kiriaini County", "20117", "Kenya"),
     (3, 5, "advocate"), ["hospital", "twinning", "east-africa"],
     "Twinning partner since 2022. Board meets on the last Thursday of the month; requests "
     "sent after the 20th wait a month."),
    ("ihpa", "International Health Partnership Agency", "IHPA", "International agency", None,
     "CH", "https://www.ihpa.example", "partnerships@ihpa.example", "+41 22 990 00 00",
     ("Chemin des Vergers 12", "Rive-Claire", "Canton de Vaudelle", "1290", "Switzerland"),
     (5, 4, "supportive"), ["donor", "international"],
     "Main external funder of the twinning and of the AMR surveillance pilot. Reporting "
     "follows their calendar year; narrative reports in English only."),
    ("ihpa-eaoffice", "IHPA Regional Office for East Africa", "IHPA East Africa",
     "International agency", "ihpa", "KE", "https://www.ihpa.example/east-africa",
     "eastafrica@ihpa.example", "+254 20 990 0400",
     ("Msingi Towers, 6th floor, Bustani Road", "Nairobi", "Nairobi County", "00100", "Kenya"),
     (4, 4, "supportive"), ["donor", "east-africa"], None),
    ("msds", "Médecins Solidaires du Sud", "MSdS", "NGO", None, "SN",
     "https://www.medecins-solidaires-sud.example", "contact@medecins-solidaires-sud.example",
     "+221 33 990 00 12",
     ("Rue Kër Gorgui, villa 41", "Ndar-Tool", "Région de Kayar", "12500", "Senegal"),
     (2, 4, "supportive"), ["ngo", "west-africa", "mobile-clinics"],
     "Runs the mobile clinics we co-fund. Very responsive on WhatsApp, slow on formal mail."),
    ("agua-viva", "Fundación Agua Viva", "Agua Viva", "NGO", None, "CO",
     "https://www.aguaviva-fundacion.example", "info@aguaviva-fundacion.example", "+57 601 990 0033",
     ("Carrera 9 # 71-20, oficina 402", "San Isidro del Cauce", "Cundinamarca", "110221", "Colombia"),
     (2, 5, "advocate"), ["ngo", "latin-america", "community-health"],
     "Community health worker training and dengue vector control in the Cauce valley."),
    ("nour-association", "Association Nour pour la santé maternelle", "Nour", "NGO", None, "MA",
     None, "bureau@nour-sante.example", "+212 5 99 00 44 10",
     ("12, derb Lalla Zineb", "Tadlest", "Oriental", "60020", "Morocco"),
     (2, 4, "supportive"), ["ngo", "maternal-health"],
     "Midwife mentoring programme. The board works in Arabic and French; send documents in "
     "both when they go to the board."),
    ("medistock", "Medistock Logistics SA", "Medistock", "Company", None, "CH",
     "https://www.medistock.example", "service.clients@medistock.example", "+41 21 990 55 00",
     ("Zone industrielle Les Prés-Bas 8", "Écublens-la-Forêt", "Canton de Vaudelle", "1025",
      "Switzerland"),
     (3, 2, "concerned"), ["supplier", "cold-chain"],
     "Holds the framework contract for cold-chain storage and transport until June 2027."),
    ("helix-diagnostics", "Helix Diagnostics GmbH", "Helix", "Company", None, "DE",
     "https://www.helix-diagnostics.example", "vertrieb@helix-diagnostics.example",
     "+49 30 9900 4711",
     ("Am Wasserturm 3", "Lindenfeld", "Brandenburg", "14532", "Germany"),
     (3, 3, "neutral"), ["supplier", "laboratory"], None),
    ("horizon-mutual", "Mutuelle régionale Horizon", "Horizon", "Insurance", None, "FR",
     "https://www.mutuelle-horizon.example", "partenariats@mutuelle-horizon.example",
     "+33 4 99 00 60 60",
     ("5 quai des Mariniers", "Valmarais", "Lorvanne", "38141", "France"),
     (3, 2, "opposed"), ["insurer", "telemedicine"],
     "Opposed to reimbursing teleconsultations for the mountain districts at the full rate."),
    ("univ-almoraine", "School of Public Health, University of Almoraine", "UAlm SPH", "Academia",
     None, "ES", "https://sp.uni-almoraine.example", "relaciones.internacionales@uni-almoraine.example",
     "+34 91 990 12 00",
     ("Campus de la Vega, edificio 4", "Almoraine", "Castilla-La Mancha", "45071", "Spain"),
     (2, 3, "neutral"), ["academia", "evaluation"], None),
    ("ilst", "Instituto Lusófono de Saúde Tropical", "ILST", "Research institute", None, "PT",
     "https://www.ilst.example", "secretaria@ilst.example", "+351 21 990 07 70",
     ("Rua das Amoreiras 52", "Vila Nova de Alvor", "Lisboa", "1250-096", "Portugal"),
     (2, 3, "unknown"), ["research", "training"], None),
    ("kisiwa-chw", "Kisiwa Community Health Workers' Network", "Kisiwa Network", "NGO", None, "TZ",
     None, "mtandao@kisiwa-chw.example", "+255 22 990 0190",
     ("Mtaa wa Uhuru 17", "Bandari Ndogo", "Pwani", "61101", "Tanzania"),
     (1, 4, "advocate"), ["ngo", "east-africa", "community-health"],
     "Network of about 400 community health workers. Uses SMS for everything; internet at "
     "the office only in the mornings."),
]

ORG_TZ = {
    "mhsc": "Europe/Paris", "mhsc-dgpp": "Europe/Paris", "lorvanne-council": "Europe/Paris",
    "chu-sainte-claire": "Europe/Paris", "chu-sainte-claire-lab": "Europe/Paris",
    "mwanzo-hospital": "Africa/Nairobi", "ihpa": "Europe/Zurich", "ihpa-eaoffice": "Africa/Nairobi",
    "msds": "Africa/Dakar", "agua-viva": "America/Bogota", "nour-association": "Africa/Casablanca",
    "medistock": "Europe/Zurich", "helix-diagnostics": "Europe/Berlin",
    "horizon-mutual": "Europe/Paris", "univ-almoraine": "Europe/Madrid", "ilst": "Europe/Lisbon",
    "kisiwa-chw": "Africa/Dar_es_Salaam",
}

ORG_BY_ID = {o[0]: o for o in ORGANIZATIONS}


def org_short(oid):
    o = ORG_BY_ID[oid]
    return o[2] or o[1]


def org_domain(oid):
    return ORG_BY_ID[oid][7].split("@", 1)[1]


# ---------------------------------------------------------------- contacts

# Each: prefix, given, family, suffix, display name, languages, preferred channel,
# affiliations [(organization, role, from, until, primary)], assessment or None, tags, notes.
# The job title is the current primary affiliation's role unless given as "job".
D = dt.date


def C(given, family, affiliations, languages, prefix=None, suffix=None, display=None,
      channel=None, assessment=None, tags=(), notes=None, job=None, tz=None, mobile=True,
      local=None):
    return dict(given=given, family=family, affiliations=affiliations, languages=languages,
                prefix=prefix, suffix=suffix, display=display, channel=channel,
                assessment=assessment, tags=list(tags), notes=notes, job=job, tz=tz,
                mobile=mobile, local=local)


CONTACTS = [
    C("Hélène", "Marchetti", [("mhsc-dgpp", "Deputy Director-General", D(2019, 9, 1), D(2025, 3, 31), True),
                              ("ihpa", "Senior Adviser, Health Security", D(2025, 4, 1), None, True)],
      ["fr", "en", "it"], prefix="Dr", channel="email", assessment=(5, 4, "advocate"),
      tags=["key-contact"],
      notes="Moved from the DGPP to IHPA in April 2025; still the best door into the ministry.\n"
            "Prefers a one-page note before any call."),
    C("François", "Lécuyer", [("mhsc", "Head of European and International Affairs", D(2021, 1, 4), None, True)],
      ["fr", "en"], channel="letter", assessment=(4, 3, "neutral"),
      notes="Formal; wants clearance requests by signed letter, copy by email."),
    C("Mathilde", "Roussel-Ngom", [("mhsc-dgpp", "Head of Heat-Health Unit", D(2022, 6, 1), None, True)],
      ["fr", "en", "wo"], channel="phone", assessment=(3, 5, "advocate")),
    C("Bastien", "Keraudren", [("mhsc-dgpp", "Policy Officer, Epidemic Preparedness", D(2023, 2, 1), D(2025, 8, 31), True),
                               ("mhsc-dgpp", "Deputy Director-General (acting)", D(2025, 9, 1), None, True)],
      ["fr", "en", "br"], channel="email", assessment=(4, 4, "supportive"),
      notes="Took over Dr Marchetti's portfolio in September 2025 (acting)."),
    C("Aurélie", "Ferrand", [("lorvanne-council", "Vice-President for Health and Solidarity", D(2021, 7, 2), None, True)],
      ["fr"], prefix="Mme", channel="in-person", assessment=(5, 3, "neutral"),
      tags=["elected-official"], notes="Elected official. Meetings go through her chief of staff."),
    C("Grégoire", "Bonnefoy", [("lorvanne-council", "Chief of Staff to the Vice-President for Health", D(2021, 9, 1), None, True)],
      ["fr", "en"], channel="phone", assessment=(3, 4, "supportive")),
    C("Sylvie", "Dauphin", [("lorvanne-council", "Grants Officer", D(2018, 3, 1), None, True)],
      ["fr"], channel="email"),
    C("Étienne", "Carrère", [("chu-sainte-claire", "Director General", D(2020, 1, 1), None, True)],
      ["fr", "en"], prefix="Pr", assessment=(5, 3, "supportive"), channel="letter"),
    C("Noémie", "Vasseur", [("chu-sainte-claire", "International Relations Officer", D(2022, 4, 1), None, True)],
      ["fr", "en", "sw"], channel="messaging", assessment=(2, 5, "advocate"), tags=["twinning"]),
    C("Raphaël", "Oyono", [("chu-sainte-claire", "Head of Emergency Medicine", D(2017, 11, 1), None, True)],
      ["fr", "en"], prefix="Dr", channel="phone"),
    C("Claire", "Abiteboul", [("chu-sainte-claire-lab", "Head of Laboratory", D(2016, 5, 1), None, True)],
      ["fr", "en", "he"], prefix="Pr", assessment=(4, 5, "advocate"), tags=["amr"]),
    C("Thibault", "Sénéchal", [("chu-sainte-claire-lab", "Biologist, AMR Surveillance", D(2021, 10, 1), None, True)],
      ["fr", "en"], prefix="Dr", channel="email", tags=["amr"]),
    C("Wanjiru", "Kamau-Odhiambo", [("mwanzo-hospital", "Chief Executive Officer", D(2020, 2, 1), None, True)],
      ["en", "sw", "ki"], prefix="Dr", channel="email", assessment=(5, 5, "advocate"),
      tags=["twinning", "key-contact"]),
    C("Daniel", "Otieno", [("mwanzo-hospital", "Head of Pharmacy", D(2018, 6, 1), D(2024, 8, 31), True),
                           ("ihpa-eaoffice", "Supply Chain Specialist", D(2024, 9, 16), None, True)],
      ["en", "sw", "luo"], channel="messaging", assessment=(3, 4, "supportive"),
      notes="Left Mwanzo for IHPA East Africa in September 2024; keeps an eye on the cold-chain file."),
    C("Achieng", "Wekesa", [("mwanzo-hospital", "Nursing Director", D(2019, 1, 1), None, True)],
      ["en", "sw"], channel="phone", assessment=(3, 5, "advocate")),
    C("Baraka", "Mwangi", [("mwanzo-hospital", "Quality and Training Coordinator", D(2023, 3, 1), None, True)],
      ["en", "sw"], channel="messaging"),
    C("Faith", "Chebet", [("mwanzo-hospital", "Pharmacist", D(2021, 5, 1), D(2024, 9, 30), False),
                          ("mwanzo-hospital", "Head of Pharmacy", D(2024, 10, 1), None, True)],
      ["en", "sw", "kln"], channel="email", notes="Promoted when Daniel Otieno left."),
    C("Matthias", "Brunner", [("ihpa", "Director, Partnerships", D(2015, 8, 1), None, True)],
      ["de", "fr", "en"], channel="email", assessment=(5, 3, "supportive")),
    C("Ingrid", "Solberg-Haas", [("ihpa", "Grant Manager", D(2020, 1, 6), D(2025, 12, 31), True)],
      ["en", "de", "no"], channel="email", assessment=(3, 4, "neutral"),
      notes="Retiring at the end of 2025; handed her grants over to Carlos Benavides in November 2025."),
    C("Carlos", "Benavides Ortega", [("agua-viva", "Director", D(2016, 2, 1), D(2025, 10, 31), True),
                                     ("ihpa", "Grant Manager", D(2025, 11, 3), None, True)],
      ["es", "en", "fr"], channel="email", assessment=(4, 4, "supportive"),
      notes="Ran Agua Viva for nine years before joining IHPA in Geneva (Rive-Claire)."),
    C("Priya", "Raman", [("ihpa", "Monitoring and Evaluation Officer", D(2022, 9, 1), None, True)],
      ["en", "ta", "fr"], channel="email"),
    C("Joseph", "Kiprotich", [("ihpa-eaoffice", "Regional Director", D(2019, 4, 1), None, True)],
      ["en", "sw"], prefix="Dr", channel="in-person", assessment=(5, 3, "supportive")),
    C("Zawadi", "Njoroge", [("ihpa-eaoffice", "Programme Officer", D(2023, 7, 1), None, True)],
      ["en", "sw"], channel="messaging"),
    C("Aminata", "Sarr", [("msds", "Executive Director", D(2017, 1, 1), None, True)],
      ["fr", "wo", "en"], prefix="Dr", channel="messaging", assessment=(3, 5, "advocate"),
      tags=["mobile-clinics"]),
    C("Moussa", "Faye", [("msds", "Logistics Coordinator", D(2020, 3, 1), None, True)],
      ["fr", "wo"], channel="messaging", mobile=True),
    C("Khady", "Diouf", [("msds", "Finance Officer", D(2022, 1, 10), None, True)],
      ["fr", "wo"], channel="email"),
    C("Ousmane", "Ba", [("msds", "Field Doctor, Mobile Clinics", D(2021, 6, 1), D(2025, 2, 28), True),
                        ("nour-association", "Medical Adviser", D(2025, 4, 1), None, True)],
      ["fr", "ff", "ar"], prefix="Dr", channel="phone",
      notes="Left MSdS for Nour in spring 2025 (family reasons, moved to Tadlest)."),
    C("Ximena", "Patiño Ruiz", [("agua-viva", "Programme Coordinator", D(2019, 8, 1), D(2025, 6, 30), True),
                                ("univ-almoraine", "Research Fellow", D(2025, 9, 1), None, True)],
      ["es", "en"], channel="email", assessment=(2, 4, "supportive"),
      notes="Doing a PhD on community health worker retention in Almoraine since September 2025."),
    C("José Ángel", "Muñoz Caicedo", [("agua-viva", "Director", D(2025, 11, 1), None, True),
                                      ("agua-viva", "Field Coordinator, Cauce Valley", D(2020, 1, 15), D(2025, 10, 31), False)],
      ["es"], channel="phone", assessment=(3, 5, "advocate"),
      notes="Succeeded Carlos Benavides as director in November 2025."),
    C("Luz Marina", "Quiñones", [("agua-viva", "Community Health Worker Trainer", D(2021, 2, 1), None, True)],
      ["es"], channel="messaging"),
    C("Andrés", "Zapata Londoño", [("agua-viva", "Administrative and Financial Officer", D(2022, 7, 1), None, True)],
      ["es", "en"], channel="email"),
    C("Leila", "Benali", [("nour-association", "President", D(2014, 5, 1), None, True)],
      ["ar", "fr"], display="ليلى بن علي", channel="phone", assessment=(3, 4, "supportive"),
      notes="Prefers to be addressed as Mme Benali in French correspondence."),
    C("يوسف", "العلوي", [("nour-association", "Programme Manager", D(2020, 9, 1), None, True)],
      ["ar", "fr", "en"], channel="messaging", local="youssef.alaoui"),
    C("Fatima Zahra", "El Idrissi", [("nour-association", "Lead Midwife Mentor", D(2019, 3, 1), None, True)],
      ["ar", "fr", "ber"], channel="phone", local="fz.elidrissi"),
    C("سلمى", "التازي", [("nour-association", "Accountant", D(2023, 1, 15), None, True)],
      ["ar", "fr"], display="Salma Tazi (سلمى التازي)", channel="email", local="s.tazi"),
    C("Reto", "Zimmermann", [("medistock", "Key Account Manager, Public Sector", D(2018, 1, 1), D(2024, 11, 30), True)],
      ["de", "fr", "en"], channel="phone", notes="Left Medistock end of November 2024."),
    C("Jürgen", "Weißmann", [("helix-diagnostics", "Sales Director, Public Health", D(2016, 4, 1), D(2024, 12, 31), True),
                              ("medistock", "Key Account Manager, Public Sector", D(2025, 1, 6), None, True)],
      ["de", "en", "fr"], channel="phone", assessment=(3, 2, "neutral"),
      notes="Replaced Reto Zimmermann at Medistock after years at Helix: knows both contracts."),
    C("Séverine", "Jaccard", [("medistock", "Operations Manager, Cold Chain", D(2020, 5, 1), None, True)],
      ["fr", "de"], channel="email", assessment=(2, 3, "concerned")),
    C("Pascal", "Rochat", [("medistock", "Legal Counsel", D(2019, 2, 1), None, True)],
      ["fr", "de", "en"], prefix="Me", channel="letter"),
    C("Anneliese", "Groß", [("helix-diagnostics", "Product Manager, AMR Panels", D(2021, 3, 1), None, True)],
      ["de", "en"], prefix="Dr", channel="email", assessment=(2, 4, "supportive")),
    C("Tobias", "Schäfer-Yılmaz", [("helix-diagnostics", "Field Application Specialist", D(2022, 8, 1), None, True)],
      ["de", "tr", "en"], channel="phone"),
    C("Mehmet", "Aydın", [("helix-diagnostics", "Sales Director, Public Health", D(2025, 2, 1), None, True)],
      ["de", "tr", "en"], channel="email", assessment=(3, 3, "neutral")),
    C("Corinne", "Lafargue", [("horizon-mutual", "Director of Partnerships", D(2019, 10, 1), None, True)],
      ["fr"], channel="letter", assessment=(4, 2, "opposed"),
      notes="Has blocked the telemedicine rate twice. Argues from the actuarial note, not from principle."),
    C("Benoît", "Charvet", [("horizon-mutual", "Actuary", D(2017, 9, 1), None, True)],
      ["fr", "en"], channel="email", assessment=(2, 3, "concerned")),
    C("Yasmine", "Haddad", [("horizon-mutual", "Prevention Programme Manager", D(2023, 4, 3), None, True)],
      ["fr", "ar", "en"], channel="email", assessment=(2, 4, "supportive")),
    C("Inmaculada", "Gallego Prieto", [("univ-almoraine", "Professor of Health Systems", D(2012, 10, 1), None, True)],
      ["es", "en", "fr"], prefix="Prof.", channel="email", assessment=(2, 3, "supportive")),
    C("Álvaro", "Herrera Sanz", [("univ-almoraine", "International Relations Coordinator", D(2020, 2, 1), None, True)],
      ["es", "en"], channel="email"),
    C("Nuria", "Castells i Bosch", [("univ-almoraine", "Associate Professor, Epidemiology", D(2018, 9, 1), None, True)],
      ["ca", "es", "en"], prefix="Dr", channel="email"),
    C("João", "Conceição", [("ilst", "Director", D(2021, 1, 1), None, True)],
      ["pt", "en", "fr"], prefix="Prof.", channel="email", assessment=(3, 2, "unknown")),
    C("Inês", "Magalhães", [("ilst", "Training Coordinator", D(2022, 3, 1), None, True)],
      ["pt", "en", "es"], channel="email"),
    C("Tiago", "Brandão", [("ilst", "Researcher, Vector-borne Diseases", D(2019, 1, 1), D(2024, 6, 30), True),
                           ("agua-viva", "Technical Adviser, Vector Control", D(2024, 7, 15), D(2026, 7, 14), True),
                           ("ilst", "Senior Researcher, Vector-borne Diseases", D(2026, 8, 1), None, True)],
      ["pt", "es", "en"], prefix="Dr", channel="messaging",
      notes="Seconded from ILST to Agua Viva for two years, back at ILST since August 2026."),
    C("Mwanaisha", "Juma", [("kisiwa-chw", "Network Coordinator", D(2018, 7, 1), None, True)],
      ["sw", "en"], channel="messaging", assessment=(2, 5, "advocate"), tags=["community-health"]),
    C("Emmanuel", "Massawe", [("kisiwa-chw", "Training Officer", D(2022, 1, 1), None, True)],
      ["sw", "en"], channel="messaging"),
    C("Neema", "Mollel", [("kisiwa-chw", "Data Officer", D(2021, 4, 1), D(2025, 5, 31), True),
                          ("ihpa-eaoffice", "Data Analyst", D(2025, 6, 2), None, True)],
      ["sw", "en", "mas"], channel="email", notes="Built Kisiwa's SMS reporting before moving to IHPA."),
    C("Halima", "Said Abdallah", [("kisiwa-chw", "Data Officer", D(2025, 6, 15), None, True)],
      ["sw", "en", "ar"], channel="messaging"),
    C("Marie-Pierre", "Lheureux", [("mhsc", "Desk Officer, Africa", D(2020, 11, 1), None, True)],
      ["fr", "en", "pt"], channel="email", assessment=(2, 3, "neutral")),
    C("Olivier", "N'Diaye-Berthier", [("lorvanne-council", "Head of International Cooperation", D(2016, 1, 1), D(2024, 12, 31), True),
                                      ("msds", "Board Member", D(2022, 6, 1), None, False)],
      ["fr", "wo", "en"], channel="phone",
      notes="Retired from the Region end of 2024, still on the MSdS board."),
    C("Camille", "Aubertin", [("lorvanne-council", "Head of International Cooperation", D(2025, 1, 1), None, True)],
      ["fr", "en", "es"], channel="email", assessment=(3, 4, "supportive")),
    C("Samuel", "Okonkwo", [("ihpa", "Health Security Officer", D(2021, 3, 1), D(2024, 2, 29), True),
                            ("mwanzo-hospital", "Medical Director", D(2024, 4, 1), None, True)],
      ["en", "ig", "fr"], prefix="Dr", suffix="MPH", channel="email", assessment=(4, 4, "supportive")),
    C("Esperanza", "Villalobos", [("agua-viva", "Board Chair", D(2018, 3, 1), None, False)],
      ["es"], display="Doña Esperanza Villalobos", channel="in-person",
      notes="Honorary board chair; attends the annual assembly only.", mobile=False),
]
assert len(CONTACTS) == 60, len(CONTACTS)
# Affiliations in the order they began: their ids, and so the exporter's order, follow it.
for _c in CONTACTS:
    _c["affiliations"].sort(key=lambda a: a[2] or dt.date.min)

COUNTRY_PHONE = {"FR": "+33 {a} 99 00 {b:02d} {c:02d}", "CH": "+41 {a}{a} 990 {b:02d} {c:02d}",
                 "DE": "+49 30 9900 {b:02d}{c:02d}", "KE": "+254 7{a}{b:02d} 990 {c:03d}",
                 "SN": "+221 77 990 {b:02d} {c:02d}", "CO": "+57 31{a} 990 {b:02d}{c:02d}",
                 "MA": "+212 6 99 0{a} {b:02d} {c:02d}", "ES": "+34 6{a}9 90 {b:02d} {c:02d}",
                 "PT": "+351 9{a}1 990 {c:03d}", "TZ": "+255 7{a}{b:02d} 990 {c:03d}"}

ASCII = str.maketrans({"é": "e", "è": "e", "ê": "e", "ë": "e", "É": "E", "à": "a", "á": "a",
                       "ã": "a", "ç": "c", "í": "i", "ï": "i", "ñ": "n", "ó": "o", "ö": "o",
                       "ß": "ss", "ú": "u", "ü": "u", "ı": "i", "Á": "A", "İ": "I", "'": "",
                       " ": "."})


def email_local(c):
    if c["local"]:
        return c["local"]
    given = c["given"].split()[0].lower().translate(ASCII)
    family = c["family"].lower().translate(ASCII).replace("-", "")
    return f"{given}.{family.split('.')[0]}"


def primary_affiliation(c, day=None):
    day = day or TODAY
    current = [a for a in c["affiliations"] if (a[2] is None or a[2] <= day) and (a[3] is None or day <= a[3])]
    for a in current:
        if a[4]:
            return a
    return current[0] if current else c["affiliations"][-1]


def contact_label(c):
    if c["display"]:
        return c["display"]
    parts = [c["prefix"], c["given"], c["family"]]
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------- the log

# Colleagues at the regional health department: they appear in the text, not as contacts.
COLLEAGUES = ["Marc Vidal (epidemiology)", "Sophie Arnaud (finance)",
              "Karim Haddou (logistics)", "Inès Coutant (legal)", "Dr Perrin (our director)",
              "Lucie Fabre (communication)", "Antoine Mercier (IT)"]

# A thread is a relationship file. Each step: kind, title, summary, outcome or None, sentiment,
# commitment or None: (direction, title, days until due). {p} is the first participant, {o} the
# organization's short name, {c} a colleague, {m} the month, {n} a number.
THREADS = {
    "twinning": dict(orgs=["mwanzo-hospital", "chu-sainte-claire"], weight=9, steps=[
        ("meeting", "Twinning steering committee ({m})",
         "Quarterly steering committee of the Sainte-Claire – Mwanzo twinning, by video. Reviewed "
         "the training calendar and the equipment list; {p} chaired from Mwanzo.",
         "Calendar for the next quarter agreed; equipment list frozen until the donor reply.", 1,
         ("ours", "Circulate the minutes of the twinning steering committee", 7)),
        ("call", "Call with {p} about the nurse exchange",
         "{p} confirmed the four nurses for the exchange but two passports are still pending. "
         "Visa appointments are only given three weeks ahead.",
         None, 0, ("theirs", "Mwanzo to send the passport copies for the nurse exchange", 14), dict(window=(D(2024, 1, 1), D(2026, 11, 30)))),
        ("email", "Exchange cohort: visa invitation letters",
         "Sent the invitation letters signed by Pr Carrère for the {n} participants. Asked {p} to "
         "confirm the arrival dates so that {c} can book the residence.",
         None, 0, ("theirs", "Confirm arrival dates of the exchange cohort", 10)),
        ("visit", "Visit to Mwanzo County Referral Hospital",
         "Three days on site with the Sainte-Claire emergency team. Toured the new triage area, "
         "the pharmacy store and the neonatal unit. Power cuts twice a day; the generator covers "
         "theatre and neonatal only.\nMet the county health officer on the last afternoon.",
         "Agreed to prioritise a solar backup for the pharmacy cold room in the next funding "
         "request. Triage training to be repeated for the night shift.", 2,
         ("ours", "Draft the solar backup section of the funding request", 30)),
        ("meeting", "Debrief of the exchange cohort with {p}",
         "Debrief with the returning nurses and {p}. Good feedback on the ICU rotation, less on "
         "the administrative week, which most found too long.",
         "Next cohort: shorten the administrative week to two days.", 1, None),
        ("letter", "Letter of support for Mwanzo's accreditation file",
         "Letter of support signed by our director for Mwanzo's application to the national "
         "accreditation body, as requested by {p}.", None, 1, None, dict(once=True, window=(D(2024, 9, 1), D(2024, 11, 30)))),
        ("call", "Equipment shipment: customs hold",
         "{p} reports the shipment of monitors is held at customs for a missing donation "
         "certificate. Storage fees start after ten days.",
         "We send the certificate again, certified copy through the embassy.", -1,
         ("ours", "Send a certified copy of the donation certificate to Mwanzo customs agent", 5), dict(once=True, window=(D(2024, 2, 12), D(2024, 2, 16)), lead=('Wanjiru', 'Kamau-Odhiambo'))),
        ("note", "Note: twinning budget line for {y}",
         "Checked with {c}: the twinning line is consumed at {n} % at this point of the year. "
         "The travel budget is the tight one, not equipment.", None, 0, None),
        ("event", "Twinning anniversary seminar",
         "Half-day seminar at Sainte-Claire with {p} online. Presentations on triage, "
         "infection control and the pharmacy stock tool. About sixty people in the room.",
         "Both directors signed the renewal memorandum for three more years.", 2, None, dict(once=True, window=(D(2025, 5, 12), D(2025, 6, 20)))),
    ]),
    "coldchain": dict(orgs=["medistock", "ihpa-eaoffice", "mwanzo-hospital"], weight=8, steps=[
        ("call", "Cold-chain contract: monthly call with {o}",
         "Monthly performance call. Temperature excursions this month: {d}, all under thirty "
         "minutes. Two late deliveries to the mountain depots.",
         None, 0, None),
        ("meeting", "Quarterly performance review with {o}",
         "Reviewed the service-level indicators for the quarter with {p}. On-time delivery below "
         "the 95 % threshold for the second quarter running. {o} blames the road works on the "
         "valley road; our logistics say the trucks leave late.",
         "{o} to provide the departure logs for the quarter; penalty clause not applied this time.",
         -1, ("theirs", "Medistock to provide truck departure logs for the quarter", 21), dict(window=(D(2024, 1, 8), D(2024, 9, 1)))),
        ("email", "Temperature excursion report, depot {n}",
         "{p} sent the excursion report for depot {n}: the alarm was acknowledged after two hours. "
         "Batch quarantined pending the manufacturer's stability data.",
         None, -1, ("theirs", "Send the manufacturer's stability data for the quarantined batch", 10)),
        ("letter", "Formal notice on repeated late deliveries",
         "Formal notice to {o} under article 14 of the framework contract, drafted with {c}. "
         "Lists the late deliveries of the last two quarters and asks for a corrective plan.",
         None, -2, ("theirs", "Medistock corrective action plan on late deliveries", 30), dict(once=True, window=(D(2024, 5, 13), D(2024, 5, 31)))),
        ("meeting", "Corrective action plan with {o}",
         "{p} presented the corrective plan: a second refrigerated truck for the valley, "
         "departures moved to 05:30, and a shared tracking screen for our logistics team.",
         "Plan accepted with a review in three months.", 1, None, dict(once=True, window=(D(2024, 6, 17), D(2024, 7, 19)))),
        ("call", "Cold-chain readiness for the East Africa shipment",
         "With {p}: the IHPA East Africa warehouse can take the vaccines only after the new "
         "cold room is certified. Certification visit expected within a month.",
         None, 0, ("theirs", "Share the cold room certification report", 45), dict(orgs=["ihpa-eaoffice"])),
        ("visit", "Visit to the Medistock hub in Écublens-la-Forêt",
         "Toured the hub with {p}. Data loggers are read manually once a day; they plan to move "
         "to remote monitoring next year. Staff well trained, documentation in order.",
         None, 1, None, dict(once=True, window=(D(2025, 3, 1), D(2025, 5, 30)))),
    ]),
    "amr": dict(orgs=["chu-sainte-claire-lab", "helix-diagnostics", "ihpa"], weight=7, steps=[
        ("meeting", "AMR surveillance pilot: technical working group",
         "Technical working group on the antimicrobial resistance pilot. {p} presented the "
         "first {n} isolates; carbapenem resistance is rarer than expected but the sample is small.",
         "Keep the pilot running six more months before any conclusion.", 1,
         ("ours", "Send the AMR pilot data extract to IHPA", 20)),
        ("call", "Call with {p} on AMR panel pricing",
         "{o} offered a reduced price on the AMR panels for the pilot sites if we commit to "
         "{big} tests a year. Told {p} we cannot commit beyond the grant period.",
         None, 0, ("theirs", "Helix to send a written offer for the AMR panels", 14), dict(orgs=["helix-diagnostics"])),
        ("email", "Lab accreditation documents for IHPA",
         "Forwarded the laboratory's accreditation certificate and quality manual to {p}, as "
         "required for the grant amendment.", None, 0, None, dict(orgs=["ihpa"])),
        ("meeting", "Data-sharing agreement for the AMR pilot",
         "Negotiated the data-sharing agreement with {p} and {c}. Sticking point: who may publish "
         "first. The lab wants the right to publish the isolates' genomes.",
         "Draft clause: joint publication, with a six-month embargo on raw data.", 0,
         ("ours", "Circulate the revised data-sharing clause", 10), dict(orgs=["ihpa", "chu-sainte-claire-lab"], window=(D(2025, 10, 6), D(2026, 11, 20)))),
        ("event", "Regional AMR day",
         "Regional antimicrobial resistance awareness day, co-organised with the reference lab. "
         "{p} gave the keynote; good turnout of general practitioners.", None, 2, None, dict(months=(11,))),
        ("call", "Analyser downtime at the reference lab",
         "{p} reports the analyser provided by Helix has been down for {d} days; the engineer is "
         "booked for next week. Samples are being sent to the university backup lab.",
         None, -1, ("theirs", "Helix to repair the analyser and confirm the date", 7)),
        ("note", "Note: AMR grant amendment status",
         "IHPA has the amendment on their desk. {c} checked the co-funding figures; they match "
         "what was sent.", None, 0, None),
    ]),
    "heat": dict(orgs=["mhsc-dgpp", "lorvanne-council", "horizon-mutual"], weight=7, steps=[
        ("meeting", "Heat-health plan: annual review with the DGPP",
         "Annual review of the regional heat-health plan with {p}. Alert thresholds unchanged; "
         "the DGPP asks for a register of isolated elderly people by commune.",
         "Register to be built with the communes before June.", 1,
         ("ours", "Send the commune-by-commune register of isolated elderly people to the DGPP", 60), dict(months=(2, 3, 4))),
        ("call", "Heatwave alert: coordination call",
         "Orange alert for the valley from tomorrow. Call with {p}: cooling rooms open in {n} "
         "communes, hospital surge plan on standby.", None, 0, None, dict(months=(6, 7, 8))),
        ("meeting", "Cooling rooms funding with the Region",
         "Met {p} about funding for the municipal cooling rooms. The Region can fund equipment, "
         "not staff. Communes will have to cover the opening hours.",
         "Region to publish a call for projects in the spring.", 0,
         ("theirs", "Region to publish the call for projects on cooling rooms", 90), dict(orgs=["lorvanne-council"])),
        ("email", "Heat-health leaflet in six languages",
         "Sent the heat-health leaflet in French, Arabic, Portuguese, Spanish, Turkish and Wolof "
         "to {p} for distribution through their networks.", None, 1, None),
        ("meeting", "Prevention partnership with {o}",
         "Met {p}: Horizon would co-fund home visits to insured elderly people during heatwaves "
         "but wants the visits recorded in their own system.",
         None, 0, ("ours", "Check with legal whether visit records can be shared with the insurer", 21), dict(orgs=["horizon-mutual"])),
        ("event", "Heatwave after-action review",
         "After-action review of the summer heatwave with the DGPP, the Region and the hospitals. "
         "{big} excess emergency visits over the peak week; no saturation.",
         "Lessons: start the phone tree for isolated people one day earlier.", 1, None, dict(months=(9, 10))),
    ]),
    "mobile": dict(orgs=["msds", "lorvanne-council"], weight=7, steps=[
        ("call", "Mobile clinics: monthly call with {p}",
         "Monthly call with {p}. {big} consultations last month across the three routes; the "
         "northern route missed two days because of the flooded track.", None, 0, None),
        ("email", "Quarterly financial report from {o}",
         "{p} sent the quarterly financial report. Fuel over budget by 18 %; staff costs on track.",
         None, 0, ("ours", "Review the MSdS financial report and reply with questions", 14)),
        ("meeting", "Mobile clinics annual review",
         "Annual review with {p} and the Region. The vehicle bought in 2022 needs a new gearbox; "
         "MSdS asks whether the grant can cover it.",
         "Gearbox covered from the contingency line; second vehicle to be discussed next year.",
         1, ("theirs", "MSdS to send three quotes for the gearbox", 21)),
        ("visit", "Field visit to the northern route",
         "Two days with the northern route team. Saw {n} patients on the first day, mostly "
         "children and pregnant women. The cold box for vaccines is too small for a full day.",
         "Order a larger cold box.", 2, ("ours", "Order a larger vaccine cold box for the northern route", 30)),
        ("call", "Delayed transfer to {o}",
         "{p} called: the second instalment has not arrived and salaries are due on Friday. "
         "Checked with {c}: the transfer was blocked by a wrong IBAN on our side.",
         "Transfer re-issued the same day.", -1, None, dict(once=True, window=(D(2024, 6, 3), D(2024, 6, 7)), lead=('Khady', 'Diouf'))),
        ("note", "Note: MSdS board change",
         "Heard from {p} that the MSdS board will elect a new treasurer in the spring. No impact "
         "on the agreement, but signatures will change.", None, 0, None, dict(once=True, window=(D(2025, 1, 6), D(2025, 2, 28)))),
    ]),
    "chw": dict(orgs=["agua-viva", "kisiwa-chw", "univ-almoraine", "ilst"], weight=8, steps=[
        ("meeting", "Community health worker curriculum: partners' call",
         "Partners' call on the shared community health worker curriculum. Agua Viva and "
         "Kisiwa compared modules; {p} will adapt the dengue module for the coast.",
         None, 1, ("theirs", "Send the adapted dengue module", 30), dict(orgs=["kisiwa-chw", "agua-viva"])),
        ("call", "Call with {p} about training numbers",
         "{p}: {n} health workers trained this quarter, above target. Retention after a year "
         "is the weak point: about a third leave for paid jobs.", None, 1, None, dict(window=(D(2024, 1, 1), D(2026, 11, 20)))),
        ("email", "Evaluation protocol from {o}",
         "{p} sent the draft evaluation protocol for the training programme. Asked {c} to "
         "comment on the sampling before we reply.", None, 0,
         ("ours", "Send comments on the evaluation protocol", 21), dict(orgs=["univ-almoraine"])),
        ("meeting", "Evaluation steering group",
         "Evaluation steering group with {p}. Baseline survey complete in two of three sites; the "
         "third is delayed by the rainy season.", "Fieldwork in the third site moved by two months.",
         0, None, dict(orgs=["univ-almoraine", "agua-viva", "kisiwa-chw"])),
        ("visit", "Visit to the Cauce valley training centre",
         "Visited the training centre with {p}. Watched a session on larval source reduction; the "
         "trainees were sharp and asked about insecticide resistance.\nThe centre needs a "
         "projector and a reliable internet connection.", None, 2,
         ("ours", "Find funding for the Cauce training centre's equipment", 60), dict(orgs=["agua-viva"])),
        ("event", "Community health workers' exchange week",
         "Exchange week hosted by {o}: six health workers from each network. Language was less "
         "of a barrier than feared; the SMS reporting demo was the highlight.",
         "Kisiwa's SMS reporting tool to be piloted in the Cauce valley.", 2, None, dict(orgs=["kisiwa-chw", "agua-viva"], once=True, window=(D(2025, 3, 10), D(2025, 4, 30)))),
        ("letter", "Letter of thanks to {o}",
         "Letter of thanks from our director to {o} for hosting the exchange week.", None, 1, None, dict(orgs=["kisiwa-chw"], once=True, window=(D(2025, 5, 5), D(2025, 5, 30)))),
        ("call", "Research fellowship on retention with {p}",
         "{p} proposes a fellowship to study why health workers leave. Needs access to the "
         "training records of both networks, anonymised.", None, 1,
         ("ours", "Ask both networks for consent to share anonymised training records", 30), dict(orgs=["univ-almoraine"], window=(D(2025, 9, 15), D(2026, 11, 20)), lead=('Ximena', 'Patiño Ruiz'))),
        ("meeting", "Course on vector-borne diseases with {o}",
         "Discussed with {p} a two-week course on vector-borne diseases for the Cauce valley "
         "trainers, taught in Spanish and Portuguese. ILST can host it in the second half of the year.",
         None, 1, ("theirs", "ILST to send the course outline and budget", 30), dict(orgs=["ilst"])),
    ]),
    "maternal": dict(orgs=["nour-association"], weight=5, steps=[
        ("call", "Midwife mentoring: monthly call with {p}",
         "Monthly call with {p}. {n} mentoring visits this month; two new health centres asked "
         "to join the programme.", None, 1, None),
        ("meeting", "Nour board meeting (video)",
         "Presented the mid-term results to the Nour board with {p}. Questions on the "
         "continuation after the grant. Documents were sent in Arabic and French.",
         "Board asks for a three-year continuation scenario.", 1,
         ("ours", "Draft a three-year continuation scenario for Nour", 45)),
        ("email", "Mentors' allowance rates",
         "{p} asks whether mentors' travel allowances can follow the new official rates. Checked "
         "with {c}: yes, from the next quarter.", None, 0, None),
        ("visit", "Visit to the Tadlest health centre",
         "Visited the Tadlest health centre with {p}. Delivery room renovated; the partograph is "
         "now used for every birth. Midwives want refresher training on neonatal resuscitation.",
         None, 2, ("theirs", "Nour to propose dates for the neonatal resuscitation refresher", 30)),
        ("letter", "Annual agreement with Nour",
         "Sent the signed annual agreement to {p}, French and Arabic versions.", None, 1, None),
    ]),
    "ministry": dict(orgs=["mhsc", "mhsc-dgpp"], weight=6, steps=[
        ("letter", "Clearance request: renewal of an international agreement",
         "Clearance request to the ministry for the renewal of an international agreement, "
         "signed by our director, copy by email to {p}.", None, 0,
         ("theirs", "Ministry clearance for the agreement renewal", 42), dict(orgs=["mhsc"])),
        ("call", "Call with {p} on the Africa portfolio",
         "Tour d'horizon with {p}: the ministry is reviewing all hospital twinnings with Africa "
         "and wants a two-page summary of ours.", None, 0,
         ("ours", "Send a two-page summary of the twinning to the ministry", 14), dict(lead=("Marie-Pierre", "Lheureux"), orgs=["mhsc"])),
        ("meeting", "International affairs coordination meeting",
         "Coordination meeting of the regional liaison officers at the ministry. {p} presented "
         "the new rules for missions abroad: approval needed three weeks ahead.", None, 0, None),
        ("email", "Preparedness exercise: invitation from the {o}",
         "Invitation from {p} to the national epidemic preparedness exercise. We send two "
         "people: {c} and myself.", None, 1, None, dict(orgs=["mhsc-dgpp"], once=True, window=(D(2025, 10, 1), D(2025, 10, 24)))),
        ("event", "National epidemic preparedness exercise",
         "Table-top exercise run by the DGPP: an imported case of a haemorrhagic fever at the "
         "regional airport. Our regional plan held; the contact list for airport health "
         "control was out of date.", "Update the airport contact list within a month.", 0,
         ("ours", "Update the airport health control contact list", 30), dict(orgs=["mhsc-dgpp"], once=True, window=(D(2025, 11, 17), D(2025, 11, 21)))),
    ]),
    "donor": dict(orgs=["ihpa", "ihpa-eaoffice"], weight=6, steps=[
        ("meeting", "IHPA annual partnership review",
         "Annual review of the partnership with {p}. IHPA satisfied with the twinning, more "
         "reserved on the AMR pilot's pace.", "Continue both; AMR pilot reviewed at mid-year.", 1,
         ("ours", "Submit the annual narrative report to IHPA", 45)),
        ("email", "Grant reporting template for {y}",
         "{p} sent the new reporting template. Indicators changed; {c} will map our data to it.",
         None, 0, None),
        ("call", "Budget reallocation request",
         "Asked {p} whether {d} % of the travel line can move to equipment. Answer: yes below "
         "10 %, above that a formal amendment.", None, 0, None, dict(orgs=["ihpa"])),
        ("meeting", "Handover of the grant portfolio at IHPA",
         "Introduction meeting: {p} takes over our grants. Walked through the open reports and "
         "the pending amendment.", None, 1, None, dict(orgs=["ihpa"], once=True, window=(D(2025, 11, 5), D(2025, 11, 28)), lead=('Carlos', 'Benavides Ortega'))),
        ("event", "IHPA partners' forum",
         "IHPA partners' forum. Good session on localisation of funding; our twinning was cited "
         "as an example. Spoke with several East African partners in the corridors.", None, 1, None),
        ("note", "Note: IHPA strategy consultation",
         "IHPA is consulting partners on its next strategy. Sent our three points via {p}: "
         "multi-year funding, lighter reporting, support for community health workers.", None, 0, None),
    ]),
    "telemed": dict(orgs=["horizon-mutual", "chu-sainte-claire"], weight=4, steps=[
        ("meeting", "Teleconsultation rate for the mountain districts",
         "Meeting with {p} on reimbursing teleconsultations from the mountain health posts at "
         "the full rate. Horizon's actuarial note assumes twice the volume we expect.",
         "No agreement. We will send our own volume estimate.", -1,
         ("ours", "Send our teleconsultation volume estimate to Horizon", 30), dict(window=(D(2025, 1, 6), D(2025, 6, 30)))),
        ("letter", "Letter to {o} on the teleconsultation rate",
         "Letter co-signed with the hospital asking {o} to reconsider the teleconsultation "
         "rate, with our volume estimate attached.", None, 0,
         ("theirs", "Horizon's written answer on the teleconsultation rate", 45), dict(once=True, window=(D(2025, 4, 1), D(2025, 4, 30)))),
        ("call", "Call with {p}: actuarial assumptions",
         "Went through the actuarial assumptions with {p}. The disagreement is about repeat "
         "consultations; they count every follow-up as a new consultation.", None, 0, None),
        ("meeting", "Mediation meeting on teleconsultation reimbursement",
         "Mediation chaired by the Region. {p} open to a one-year trial at the full rate with a "
         "volume cap.", "Trial terms to be drafted by the Region.", 1, None, dict(window=(D(2025, 9, 15), D(2026, 11, 20)), lead=('Corinne', 'Lafargue'))),
    ]),
}

# Kinds of interactions that are not part of a thread.
GENERAL = [
    ("call", "Courtesy call with {p}", "Catch-up call with {p} after their appointment. No open items.", None, 1, None),
    ("email", "Introduction to {p}", "Introduced {p} to {c} for the questions on data protection.", None, 0, None),
    ("note", "Note: change of contact details",
     "{p} has a new mobile number; the switchboard number stays the same.", None, 0, None),
    ("meeting", "Lunch with {p}",
     "Informal lunch with {p}. They are worried about next year's budget and asked about our "
     "experience with multi-year agreements.", None, 1, None),
    ("event", "Regional partners' New Year reception",
     "New Year reception for the partners of the regional health department. Around eighty "
     "guests; good conversation with {p} about next year's priorities.", None, 2, None, dict(months=(1,))),
]


def pick_participants(orgs, day, k):
    """Contacts affiliated with one of @orgs on @day, the main organization's first."""
    out = []
    for oid in orgs:
        for i, c in enumerate(CONTACTS):
            for a in c["affiliations"]:
                if a[0] == oid and (a[2] is None or a[2] <= day) and (a[3] is None or day <= a[3]):
                    if i not in out:
                        out.append(i)
    if not out:
        return []
    first = [i for i in out if any(a[0] == orgs[0] for a in CONTACTS[i]["affiliations"])]
    lead = rng.choice(first or out)
    lead_org = primary_affiliation(CONTACTS[lead], day)[0]
    same = [i for i in out if i != lead and primary_affiliation(CONTACTS[i], day)[0] == lead_org]
    other = [i for i in out if i != lead and i not in same]
    rng.shuffle(same)
    rng.shuffle(other)
    rest = same + other if rng.random() < 0.7 else other + same
    return [lead] + rest[:k - 1]


def step_options(step):
    return step[6] if len(step) > 6 else {}


def step_fits(step, day):
    opts = step_options(step)
    if "window" in opts and not opts["window"][0] <= day <= opts["window"][1]:
        return False
    if "months" in opts and day.month not in opts["months"]:
        return False
    return True


def working_day_between(start, end):
    while True:
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        if day.weekday() < 5:
            return day


def random_day():
    span = (LAST_DAY - FIRST_DAY).days
    while True:
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
        if day.weekday() < 5 or rng.random() < 0.05:
            return day


def local_time(day, kind):
    if kind in ("event", "visit"):
        hour, minute = rng.choice([(8, 30), (9, 0), (9, 30), (10, 0), (14, 0)])
    elif kind == "note":
        hour, minute = rng.randrange(8, 19), rng.choice([5, 12, 20, 34, 41, 55])
    else:
        hour, minute = rng.randrange(8, 18), rng.choice([0, 0, 15, 30, 30, 45])
    return hour, minute


def utc(d):
    return d.astimezone(dt.timezone.utc)


def fmt_utc(d):
    return utc(d).strftime("%Y-%m-%dT%H:%M:%SZ")


def fmt_local(d):
    off = d.utcoffset()
    total = int(off.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{total // 60:02d}:{total % 60:02d}"


def office_hours(t):
    """@t moved forward to the next working hour at the office: when records get typed in."""
    while t.hour < 7 or t.hour >= 17 or t.weekday() >= 5:
        if t.hour >= 17 or t.weekday() >= 5:
            t = t + dt.timedelta(days=1)
        t = t.replace(hour=7)
    return t


def clamp(d):
    return min(d, LAST_EDIT)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def fill(text, people, org, day):
    p = contact_label(CONTACTS[people[0]]) if people else "the secretariat"
    return text.format(p=p, o=org_short(org), c=rng.choice(COLLEAGUES),
                       m=f"{MONTHS[day.month - 1]} {day.year}", y=day.year,
                       n=rng.choice([3, 4, 6, 7, 9, 12, 14, 17, 23, 31, 38, 46, 64, 85]),
                       d=rng.randrange(2, 10), big=rng.randrange(120, 900))


MINUTES = {"meeting": [45, 60, 60, 90, 120], "call": [15, 20, 30, 30, 45], "visit": [480, 960, 1440],
           "event": [180, 240, 420], "email": [None], "letter": [None], "note": [None]}


def build_log():
    interactions = []
    commitments = []
    names = list(THREADS)
    weights = [THREADS[n]["weight"] for n in names]

    # One-off steps happen exactly once, inside their window; the rest recur at random.
    plan = []
    for name in names:
        for step in THREADS[name]["steps"]:
            opts = step_options(step)
            if opts.get("once"):
                start, end = opts["window"]
                plan.append((working_day_between(start, end), name, step))
    while len(plan) < N_INTERACTIONS:
        day = random_day()
        if rng.random() < 0.08:
            candidates = [s for s in GENERAL if step_fits(s, day)]
            if candidates:
                plan.append((day, None, rng.choice(candidates)))
            continue
        name = rng.choices(names, weights)[0]
        candidates = [s for s in THREADS[name]["steps"]
                      if not step_options(s).get("once") and step_fits(s, day)]
        if candidates:
            plan.append((day, name, rng.choice(candidates)))

    for day, thread, step in plan:
        if thread is None:
            oid = rng.choice([o[0] for o in ORGANIZATIONS])
            orgs = [oid]
        else:
            orgs = step_options(step).get("orgs", THREADS[thread]["orgs"])
            oid = orgs[0]
        kind, title, summary, outcome, sentiment, commit = step[:6]
        lead = step_options(step).get("lead")
        k = {"meeting": rng.randrange(1, 5), "call": rng.randrange(1, 3), "visit": rng.randrange(2, 5),
             "event": rng.randrange(2, 5), "email": 1, "letter": 1, "note": 1}[kind]
        people = pick_participants(orgs, day, k)
        if lead:
            li = contact_index(*lead)
            people = [li] + [i for i in people if i != li][:k - 1]
        main_org = oid
        if people:
            main_org = primary_affiliation(CONTACTS[people[0]], day)[0]
        tz = HOME_TZ
        location = None
        if kind in ("visit",) or (kind in ("meeting", "event") and rng.random() < 0.35):
            tz = ORG_TZ[main_org]
            o = ORG_BY_ID[main_org]
            location = f"{o[2] or o[1]}, {o[9][1]}" if o[9] else None
        elif kind in ("meeting", "event"):
            location = rng.choice(["Regional health department, Valmarais, room 2.14",
                                   "Video call", "Video call", "Hôtel de Région, Valmarais",
                                   "Sainte-Claire University Hospital, conference room"])
        hour, minute = local_time(day, kind)
        at = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(tz))
        minutes = rng.choice(MINUTES[kind])
        s = sentiment + rng.choice([0, 0, 0, 1, -1])
        s = max(-2, min(2, s))
        text_title = fill(title, people, main_org, day)
        text_summary = fill(summary, people, main_org, day)
        text_outcome = fill(outcome, people, main_org, day) if outcome and rng.random() < 0.85 else None
        orgs_part = []
        if kind in ("letter", "email", "event") or not people or rng.random() < 0.3:
            orgs_part = [main_org]
        created = clamp(office_hours(utc(at) + dt.timedelta(hours=rng.choice([1, 2, 3, 5, 20, 26, 50]))))
        if created < utc(at):
            created = utc(at)
        updated = created
        if rng.random() < 0.2:
            updated = clamp(office_hours(created + dt.timedelta(days=rng.randrange(1, 30), minutes=rng.randrange(600))))
        interactions.append(dict(kind=kind, at=at, minutes=minutes, sentiment=s, title=text_title,
                                 contacts=people, orgs=orgs_part, location=location,
                                 summary=text_summary, outcome=text_outcome, created=created,
                                 updated=updated, thread=thread, main_org=main_org, commit=commit))
    interactions.sort(key=lambda i: (utc(i["at"]), i["title"]))
    for n, it in enumerate(interactions, 1):
        it["id"] = f"i-{n:04d}"

    for it in interactions:
        commit = it["commit"]
        if not commit or rng.random() > 0.55:
            continue
        direction, title, days = commit
        due = it["at"].date() + dt.timedelta(days=days)
        created = it["created"]
        if due < TODAY:
            status = rng.choices(["done", "open", "cancelled"], [70, 18, 12])[0]
        else:
            status = rng.choices(["open", "done"], [85, 15])[0]
        updated = created
        notes = None
        if status == "done":
            done_day = min(due + dt.timedelta(days=rng.randrange(-5, 12)), LAST_DAY)
            done_day = max(done_day, it["at"].date())
            updated = clamp(max(created, dt.datetime(done_day.year, done_day.month, done_day.day,
                                                    rng.randrange(8, 17), rng.randrange(60),
                                                    tzinfo=dt.timezone.utc)))
            if rng.random() < 0.3:
                notes = rng.choice(["Done, a few days late.", "Received and filed.",
                                    "Done. Copy in the shared folder.",
                                    "Sent by email, acknowledged the same day."])
        elif status == "cancelled":
            updated = clamp(created + dt.timedelta(days=rng.randrange(3, 40)))
            notes = rng.choice(["No longer needed after the steering committee changed its plan.",
                                "Superseded by the new agreement.",
                                "Dropped: the partner withdrew the request."])
        elif due < TODAY and rng.random() < 0.5:
            notes = rng.choice(["Reminder sent; no answer yet.",
                                "Chased twice by email. Try a phone call.",
                                "Waiting on the legal opinion before we can do it."])
        contact = CONTACTS[it["contacts"][0]] if it["contacts"] else None
        commitments.append(dict(direction=direction, status=status, due=due,
                                interaction=it["id"],
                                contact=it["contacts"][0] if contact else None,
                                organization=it["main_org"], title=title, notes=notes,
                                created=created, updated=updated))
    # A few that were not made in a logged interaction.
    extra = [
        ("ours", "Renew the framework agreement with the Region", D(2025, 12, 15), "done", "lorvanne-council"),
        ("theirs", "Region to confirm the 2027 co-funding envelope", D(2026, 12, 20), "open", "lorvanne-council"),
        ("ours", "Annual report to the ministry on international activities", D(2026, 3, 31), "done", "mhsc"),
        ("theirs", "IHPA to confirm the AMR pilot extension", D(2026, 10, 15), "open", "ihpa"),
        ("ours", "Translate the twinning memorandum into Swahili", D(2026, 9, 1), "cancelled", "mwanzo-hospital"),
        ("ours", "Send the 2027 twinning workplan to IHPA", D(2026, 12, 15), "open", "ihpa"),
        ("ours", "Brief the Vice-President before the Region's budget session", D(2026, 12, 4), "open", "lorvanne-council"),
        ("theirs", "Nour board's comments on the continuation scenario", D(2027, 1, 15), "open", "nour-association"),
    ]
    for direction, title, due, status, oid in extra:
        created = dt.datetime(due.year, due.month, 1, 9, 0, tzinfo=dt.timezone.utc) - dt.timedelta(days=60)
        updated = created if status == "open" else clamp(created + dt.timedelta(days=55))
        commitments.append(dict(direction=direction, status=status, due=due, interaction=None,
                                contact=None, organization=oid, title=title, notes=None,
                                created=created, updated=updated))
    commitments.sort(key=lambda c: (c["created"], c["title"]))
    for n, c in enumerate(commitments, 1):
        c["id"] = f"k-{n:03d}"
    return interactions, commitments


# ---------------------------------------------------------------- concerns

def contact_index(given, family):
    for i, c in enumerate(CONTACTS):
        if c["given"] == given and c["family"] == family:
            return i
    raise KeyError((given, family))


def build_concerns(interactions):
    def related(thread, words, start, end, k):
        pool = [i["id"] for i in interactions
                if i["thread"] == thread and start <= i["at"].date() <= end
                and any(w in i["title"] for w in words)]
        return pool[:k]

    concerns = [
        dict(id="z-01", status="resolved", severity="high", opened=D(2024, 3, 4), resolved=D(2024, 9, 20),
             title="Late deliveries to the mountain depots",
             parties=[("organization", "medistock",
                       "Delays are caused by the road works on the valley road.\n"
                       "Departure times are within the contract."),
                      ("contact", contact_index("Séverine", "Jaccard"),
                       "Accepts that two departures a week left late; asks for our depot opening hours to be extended."),
                      ("organization", "mwanzo-hospital", None)],
             root_cause="Trucks for the valley were loaded last, after the city rounds, so they left\n"
                        "between 07:30 and 09:00 instead of 06:00. The road works added to it but were\n"
                        "not the cause.",
             resolution="Medistock added a second refrigerated truck dedicated to the valley and moved\n"
                        "departures to 05:30. On-time delivery back above 97 % for two quarters.",
             notes="Formal notice under article 14 was sent; penalty clause not applied in the end.",
             related=related("coldchain", ["Formal notice", "Corrective", "Quarterly"], D(2024, 3, 4), D(2024, 9, 20), 4)),
        dict(id="z-02", status="mediating", severity="medium", opened=D(2025, 2, 10), resolved=None,
             title="Teleconsultation reimbursement rate for the mountain districts",
             parties=[("organization", "horizon-mutual",
                       "Full rate only with a volume cap; follow-up consultations must be counted\nseparately."),
                      ("contact", contact_index("Corinne", "Lafargue"),
                       "Will not take the question to Horizon's board without a new actuarial note."),
                      ("organization", "chu-sainte-claire",
                       "The full rate is a condition for keeping the mountain health posts staffed."),
                      ("organization", "lorvanne-council", "Offers to chair the mediation; neutral on the rate.")],
             root_cause="Different counting of follow-up consultations: Horizon counts each follow-up as a\n"
                        "new consultation, which doubles the expected volume.",
             resolution=None,
             notes="The Region chairs a mediation. Next step: a one-year trial at the full rate with a cap.",
             related=related("telemed", ["Teleconsultation", "Mediation", "actuarial"], D(2025, 2, 10), D(2026, 11, 30), 5)),
        dict(id="z-03", status="closed", severity="low", opened=D(2024, 6, 3), resolved=D(2024, 7, 1),
             title="Wrong IBAN blocked the MSdS instalment",
             parties=[("organization", "msds", "Salaries were due; asks for a written explanation for the board."),
                      ("contact", contact_index("Khady", "Diouf"), None)],
             root_cause="Our finance system still had the IBAN of the bank account MSdS closed in 2023.",
             resolution="Transfer re-issued; supplier record corrected; letter of explanation sent to the\nMSdS board.",
             notes=None,
             related=related("mobile", ["Delayed transfer"], D(2023, 12, 1), D(2026, 11, 30), 2)),
        dict(id="z-04", status="open", severity="high", opened=D(2025, 10, 6), resolved=None,
             title="Publication rights on the AMR pilot genomes",
             parties=[("organization", "chu-sainte-claire-lab",
                       "The lab produced the sequences and must be able to publish them first."),
                      ("organization", "ihpa",
                       "Data produced with IHPA funding must be open within six months."),
                      ("contact", contact_index("Anneliese", "Groß"),
                       "Helix asks that the panel's performance data not be published without their review.")],
             root_cause="The grant agreement and the laboratory's research charter give different rules\n"
                        "for publication, and nobody compared them when the pilot started.",
             resolution=None,
             notes="Draft clause on the table: joint publication with a six-month embargo on raw data.",
             related=related("amr", ["Data-sharing"], D(2023, 12, 1), D(2026, 11, 30), 3)),
        dict(id="z-05", status="resolved", severity="critical", opened=D(2024, 2, 12), resolved=D(2024, 3, 8),
             title="Equipment shipment held at Mwanzo customs",
             parties=[("organization", "mwanzo-hospital", "Needs the monitors for the new triage area before April."),
                      ("contact", contact_index("Wanjiru", "Kamau-Odhiambo"),
                       "Asks us to cover the storage fees, which started on day ten."),
                      ("organization", "ihpa-eaoffice", None)],
             root_cause="The donation certificate was signed by the wrong authority; customs require the\n"
                        "donor's legal representative.",
             resolution="Certified copy signed by our director, sent through the embassy. Storage fees\n"
                        "split between Sainte-Claire and us.",
             notes=None,
             related=related("twinning", ["customs"], D(2023, 12, 1), D(2026, 11, 30), 3)),
        dict(id="z-06", status="open", severity="medium", opened=D(2026, 9, 14), resolved=None,
             title="Health workers leaving the Cauce valley programme",
             parties=[("organization", "agua-viva",
                       "Stipends are too low to keep trained people; asks for a retention allowance."),
                      ("contact", contact_index("Ximena", "Patiño Ruiz"),
                       "Her research shows distance to the training centre matters more than pay."),
                      ("organization", "univ-almoraine", None)],
             root_cause=None, resolution=None,
             notes="To be discussed at the next evaluation steering group.",
             related=related("chw", ["retention", "training numbers"], D(2026, 6, 1), D(2026, 11, 30), 3)),
    ]
    # A concern is opened on the day of the first interaction that raised it.
    day_of = {i["id"]: i["at"].date() for i in interactions}
    for z in concerns:
        if z["related"]:
            z["opened"] = min(day_of[r] for r in z["related"])
            assert z["resolved"] is None or z["opened"] <= z["resolved"], z["id"]
    return concerns


# ---------------------------------------------------------------- XML writing

def esc_text(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace("\r", "&#13;"))


def esc_attr(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
             .replace("\t", "&#9;"))


class Writer:
    def __init__(self):
        self.lines = []

    def attrs(self, pairs):
        return "".join(f' {k}="{esc_attr(str(v))}"' for k, v in pairs if v is not None and v != "")

    def empty(self, depth, name, pairs):
        self.lines.append("  " * depth + f"<{name}{self.attrs(pairs)}/>")

    def text(self, depth, name, value, pairs=()):
        if value is None or value == "":
            return
        self.lines.append("  " * depth + f"<{name}{self.attrs(pairs)}>{esc_text(value)}</{name}>")

    def open(self, depth, name, pairs=()):
        self.lines.append("  " * depth + f"<{name}{self.attrs(pairs)}>")

    def close(self, depth, name):
        self.lines.append("  " * depth + f"</{name}>")


def assessment_attrs(a):
    if not a:
        return None
    influence, interest, stance = a
    pairs = [("influence", influence or None), ("interest", interest or None),
             ("stance", None if stance == "unknown" else stance)]
    return pairs if any(v for _, v in pairs) else None


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                              "regional-health-office.xml")
    interactions, commitments = build_log()
    concerns = build_concerns(interactions)

    # Record times. Organizations entered when the office started using Liaison.
    org_times = {}
    for o in ORGANIZATIONS:
        created = office_hours(dt.datetime(2023, 11, 20, 8, 0, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=rng.randrange(7 * 24 * 60)))
        updated = created
        if rng.random() < 0.4:
            updated = clamp(office_hours(created + dt.timedelta(days=rng.randrange(30, 1000), minutes=rng.randrange(600))))
        org_times[o[0]] = (created, updated)

    contact_ids = [f"c-{n:03d}" for n in range(1, len(CONTACTS) + 1)]
    contact_times = []
    aff_n = 0
    aff_ids = []
    for c in CONTACTS:
        created = office_hours(dt.datetime(2023, 11, 22, 8, 0, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=rng.randrange(9 * 24 * 60)))
        first = min([a[2] for a in c["affiliations"] if a[2]] + [TODAY])
        if first > created.date():
            created = dt.datetime(first.year, first.month, first.day, 9, rng.randrange(60), tzinfo=dt.timezone.utc)
        updated = created
        # A move is recorded shortly after it happens.
        for a in c["affiliations"]:
            for day in (a[2], a[3]):
                if day and created.date() < day <= LAST_DAY:
                    updated = max(updated, clamp(dt.datetime(day.year, day.month, day.day, 10, 15,
                                                             tzinfo=dt.timezone.utc) + dt.timedelta(days=rng.randrange(1, 9))))
        contact_times.append((created, updated))
        ids = []
        for _ in c["affiliations"]:
            aff_n += 1
            ids.append(f"a-{aff_n:03d}")
        aff_ids.append(ids)

    w = Writer()
    records_updated = [t[1] for t in org_times.values()] + [t[1] for t in contact_times] + \
        [i["updated"] for i in interactions] + [c["updated"] for c in commitments]
    concern_times = {}
    for z in concerns:
        created = dt.datetime(z["opened"].year, z["opened"].month, z["opened"].day, 14, 20, tzinfo=dt.timezone.utc)
        updated = created
        if z["resolved"]:
            updated = dt.datetime(z["resolved"].year, z["resolved"].month, z["resolved"].day, 16, 5, tzinfo=dt.timezone.utc)
        else:
            updated = clamp(created + dt.timedelta(days=rng.randrange(10, 80)))
        concern_times[z["id"]] = (created, updated)
        records_updated.append(updated)
    exported = max(records_updated)

    w.lines.append('<?xml version="1.0" encoding="UTF-8"?>')
    w.open(0, "partner-directory", [("xmlns", NS), ("version", "1"), ("exported", fmt_utc(exported))])

    for o in sorted(ORGANIZATIONS, key=lambda o: o[0].encode()):
        (oid, name, short, sector, parent, country, website, email, phone, address,
         assessment, tags, notes) = o
        created, updated = org_times[oid]
        w.open(1, "organization", [("id", oid), ("created", fmt_utc(created)), ("updated", fmt_utc(updated))])
        w.text(2, "name", name)
        w.text(2, "short-name", short)
        w.text(2, "sector", sector)
        if parent:
            w.empty(2, "parent", [("organization", parent)])
        w.text(2, "country", country)
        w.text(2, "website", website)
        w.text(2, "email", email)
        w.text(2, "phone", phone)
        if address:
            w.open(2, "address")
            for tag, value in zip(("street", "locality", "region", "postal-code", "country"), address):
                w.text(3, tag, value)
            w.close(2, "address")
        pairs = assessment_attrs(assessment)
        if pairs:
            w.empty(2, "assessment", pairs)
        for t in tags:
            w.text(2, "tag", t)
        w.text(2, "notes", notes)
        w.close(1, "organization")

    for n, (cid, c) in enumerate(zip(contact_ids, CONTACTS)):
        created, updated = contact_times[n]
        w.open(1, "contact", [("id", cid), ("created", fmt_utc(created)), ("updated", fmt_utc(updated))])
        w.open(2, "name")
        w.text(3, "prefix", c["prefix"])
        w.text(3, "given", c["given"])
        w.text(3, "family", c["family"])
        w.text(3, "suffix", c["suffix"])
        w.close(2, "name")
        w.text(2, "display-name", c["display"])
        current = primary_affiliation(c)
        w.text(2, "job-title", c["job"] or current[1])
        for aid, a in zip(aff_ids[n], c["affiliations"]):
            w.empty(2, "affiliation", [("id", aid), ("organization", a[0]), ("role", a[1]),
                                       ("from", a[2].isoformat() if a[2] else None),
                                       ("until", a[3].isoformat() if a[3] else None),
                                       ("primary", "true" if a[4] else None)])
        oid = current[0]
        country = ORG_BY_ID[oid][5]
        w.text(2, "email", f"{email_local(c)}@{org_domain(oid)}", [("kind", "work")])
        for a in c["affiliations"]:
            if a[3] is not None and a[0] != oid and rng.random() < 0.3:
                w.text(2, "email", f"{email_local(c)}@{org_domain(a[0])}", [("kind", "other")])
                break
        fmt = COUNTRY_PHONE[country]
        ph = ORG_BY_ID[oid][8]
        if ph:
            w.text(2, "phone", ph[:-2] + f"{rng.randrange(10, 99)}", [("kind", "work")])
        if c["mobile"] and country in COUNTRY_PHONE:
            w.text(2, "phone", fmt.format(a=rng.randrange(1, 9), b=rng.randrange(100), c=rng.randrange(1000)
                                         if "{c:03d}" in fmt else rng.randrange(100)), [("kind", "mobile")])
        for lang in c["languages"]:
            w.text(2, "language", lang)
        w.text(2, "time-zone", c["tz"] or ORG_TZ[oid])
        w.text(2, "preferred-channel", c["channel"])
        pairs = assessment_attrs(c["assessment"])
        if pairs:
            w.empty(2, "assessment", pairs)
        for t in c["tags"]:
            w.text(2, "tag", t)
        w.text(2, "notes", c["notes"])
        w.close(1, "contact")

    for it in interactions:
        w.open(1, "interaction", [("id", it["id"]),
                                  ("created", fmt_utc(it["created"])), ("updated", fmt_utc(it["updated"])),
                                  ("kind", it["kind"]), ("at", fmt_local(it["at"])),
                                  ("minutes", it["minutes"]),
                                  ("sentiment", it["sentiment"] if it["sentiment"] != 0 else None)])
        w.text(2, "title", it["title"])
        for ci in it["contacts"]:
            w.empty(2, "participant", [("contact", contact_ids[ci])])
        for oid in it["orgs"]:
            w.empty(2, "participant", [("organization", oid)])
        w.text(2, "location", it["location"])
        w.text(2, "summary", it["summary"])
        w.text(2, "outcome", it["outcome"])
        w.close(1, "interaction")

    for c in commitments:
        w.open(1, "commitment", [("id", c["id"]),
                                 ("created", fmt_utc(c["created"])), ("updated", fmt_utc(c["updated"])),
                                 ("direction", c["direction"]), ("status", c["status"]),
                                 ("due", c["due"].isoformat()), ("interaction", c["interaction"]),
                                 ("contact", contact_ids[c["contact"]] if c["contact"] is not None else None),
                                 ("organization", c["organization"])])
        w.text(2, "title", c["title"])
        w.text(2, "notes", c["notes"])
        w.close(1, "commitment")

    for z in concerns:
        created, updated = concern_times[z["id"]]
        w.open(1, "concern", [("id", z["id"]), ("created", fmt_utc(created)), ("updated", fmt_utc(updated)),
                              ("status", z["status"]), ("severity", z["severity"]),
                              ("opened", z["opened"].isoformat() if z["opened"] else None),
                              ("resolved", z["resolved"].isoformat() if z["resolved"] else None)])
        w.text(2, "title", z["title"])
        for kind, who, position in z["parties"]:
            ref = contact_ids[who] if kind == "contact" else who
            w.empty(2, "party", [(kind, ref), ("position", position)])
        w.text(2, "root-cause", z["root_cause"])
        w.text(2, "resolution", z["resolution"])
        w.text(2, "notes", z["notes"])
        for iid in z["related"]:
            w.empty(2, "related", [("interaction", iid)])
        w.close(1, "concern")

    w.close(0, "partner-directory")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(w.lines) + "\n")
    print(f"{out}: {len(ORGANIZATIONS)} organizations, {len(CONTACTS)} contacts, "
          f"{len(interactions)} interactions, {len(commitments)} commitments, {len(concerns)} concerns",
          file=sys.stderr)


if __name__ == "__main__":
    main()
