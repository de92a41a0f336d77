"""The names and phrases synthetic boards, assignments, reports and cases are made of."""

import random

COMMITTEE_NAMES = [
    "Byggnadsnämnden",
    "Fastighetsnämnden",
    "Trafiknämnden",
    "Park- och naturnämnden",
    "Kretslopp- och vattennämnden",
    "Arkivnämnden",
    "Valnämnden",
    "Överförmyndarnämnden",
    "Nämnden för intraservice",
    "Nämnden för konsumentfrågor",
    "Servicenämnden",
    "Räddningsnämnden",
    "Revisorskollegiet",
    "Jämställdhetsnämnden",
    "Nämnden för digitalisering",
    "Nämnden för energi och klimat",
    "Nämnden för havs- och kustfrågor",
    "Nämnden för ungdomsfrågor",
]
COMPANY_NAMES = [
    "Göteborg Energi AB",
    "Göteborgs Spårvägar AB",
    "Higab AB",
    "Renova AB",
    "Business Region Göteborg AB",
    "Göteborgs Stads Parkering AB",
    "Älvstranden Utveckling AB",
    "Got Event AB",
    "Förvaltnings AB Göteborgslokaler",
    "Gryning Vård AB",
    "Göteborgs Kex Fastighets AB",
    "Stadsnätet i Göteborg AB",
]
VERBS = [
    "ta fram en plan för",
    "utreda förutsättningarna för",
    "genomföra en översyn av",
    "i samverkan med berörda nämnder utveckla",
    "återkomma med förslag om",
    "säkerställa",
    "stärka arbetet med",
    "kartlägga",
]
OBJECTS = [
    "barns trygghet i skolmiljön",
    "kompetensförsörjningen inom äldreomsorgen",
    "energieffektivisering av stadens lokaler",
    "fler vägar till arbete för unga vuxna",
    "tillgängligheten i kollektivtrafiken",
    "föreningslivets lokaler",
    "klimatanpassning av kustnära områden",
    "digital service till medborgarna",
    "minskad nedskräpning i parker",
    "upphandling med sociala hänsyn",
    "bostadsförsörjningen för särskilda grupper",
    "kulturverksamhet i stadens ytterområden",
    "förebyggande arbete mot våld i nära relationer",
    "fossilfria transporter i stadens verksamheter",
    "läsfrämjande insatser för barn",
    "trygghet i offentliga miljöer",
]
CASE_TOPICS = [
    "Yrkande angående",
    "Förslag om",
    "Remiss angående",
    "Motion om",
    "Hemställan om",
    "Svar på motion om",
]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
