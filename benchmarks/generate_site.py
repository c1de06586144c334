"""Generate a realistic site in our content format, the same bytes for the same seed.

    .venv/bin/python benchmarks/generate_site.py --stories 500 --out benchmarks/work/n500

writes `<out>/content/` for `sitetool build --content <out>/content`: N stories per
language (every story has `index.lv.md` and `index.en.md`) spread over ten years, the
three kinds, tags, `services` references to the services that exist in the project's
`content/services/`, consultation fields when the schema has any, and — with `--photos`
— galleries of camera-size JPEGs (4000×3000, EXIF orientation and GPS). Everything in
the project's `content/` except the news (pages, services, offices…) is copied as it is,
so references from the stories resolve.

The benchmark (`build_speed.py`) converts the same stories for vanilla Pelican and Hugo
with `write_vanilla_pelican()` and `write_hugo()` below.
"""

import argparse
import io
import random
import runpy
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from content_schema import Field, schema, slugify_title  # noqa: E402

PHOTO_SIZE = (4000, 3000)
FIRST_DAY = date(2016, 11, 1)  # ten years of news up to the benchmark's build day
LAST_DAY = date(2026, 10, 31)
BUILD_DAY = "2026-11-23"
PHOTOS_PER_GALLERY = 4

# (nominative, locative) — titles and sentences need both forms in Latvian.
PLACES = [
    ("Preiļi", "Preiļos"), ("Kuldīga", "Kuldīgā"), ("Ķekava", "Ķekavā"),
    ("Rēzekne", "Rēzeknē"), ("Jēkabpils", "Jēkabpilī"), ("Cēsis", "Cēsīs"),
    ("Valmiera", "Valmierā"), ("Tukums", "Tukumā"), ("Liepāja", "Liepājā"),
    ("Daugavpils", "Daugavpilī"), ("Sigulda", "Siguldā"), ("Ludza", "Ludzā"),
    ("Alūksne", "Alūksnē"), ("Gulbene", "Gulbenē"), ("Bauska", "Bauskā"),
    ("Dobele", "Dobelē"), ("Madona", "Madonā"), ("Smiltene", "Smiltenē"),
    ("Talsi", "Talsos"), ("Ventspils", "Ventspilī"), ("Jelgava", "Jelgavā"),
    ("Ogre", "Ogrē"), ("Krāslava", "Krāslavā"), ("Limbaži", "Limbažos"),
    ("Saldus", "Saldū"), ("Aizkraukle", "Aizkrauklē"),
]
# (Latvian genitive plural "… sociālie darbinieki", English)
REGIONS = [
    ("Kurzemes", "Kurzeme"), ("Vidzemes", "Vidzeme"), ("Latgales", "Latgale"),
    ("Zemgales", "Zemgale"), ("Sēlijas", "Sēlija"), ("Rīgas reģiona", "the Riga region"),
]
# (Latvian nominative, Latvian locative, English) — for service-change stories.
SERVICES = [
    ("Sociālā virtuve", "sociālajā virtuvē", "The social kitchen"),
    ("Dienas centrs senioriem", "dienas centrā senioriem", "The day centre for older people"),
    ("Krīzes centrs", "krīzes centrā", "The crisis centre"),
    ("Aprūpes mājās dienests", "aprūpes mājās dienestā", "The home care team"),
    ("Ģimenes atbalsta centrs", "ģimenes atbalsta centrā", "The family support centre"),
    ("Zupas virtuve", "zupas virtuvē", "The soup kitchen"),
    ("Atelpas brīža centrs", "atelpas brīža centrā", "The respite care centre"),
    ("Jauniešu mājas", "jauniešu mājās", "The youth house"),
]
# (Latvian accusative "apspriest …", Latvian nominative, English, binding regulation?)
PLANS = [
    ("sociālo pakalpojumu attīstības plānu", "sociālo pakalpojumu attīstības plāns",
     "the social services development plan", False),
    ("mājokļa pabalsta noteikumus", "saistošo noteikumu projekts “Par mājokļa pabalstu”",
     "the draft regulation on the housing benefit", True),
    ("dienas centra izveidi", "dienas centra izveide", "a new day centre", False),
    ("krīzes pabalsta kārtību", "saistošo noteikumu projekts “Par krīzes pabalstu”",
     "the draft regulation on the crisis benefit", True),
    ("aprūpes mājās pakalpojuma apjomu", "aprūpes mājās pakalpojuma apjoms",
     "the scope of home care", False),
    ("atbalsta plānu ģimenēm ar bērniem", "atbalsta plāns ģimenēm ar bērniem",
     "the support plan for families with children", False),
    ("grupu dzīvokļa izveidi", "grupu dzīvokļa izveide", "a new group home", False),
]
TAGS = [
    ("pieredzes apmaiņa", "experience exchange"), ("sociālā virtuve", "social kitchen"),
    ("seniori", "older people"), ("ģimenes ar bērniem", "families with children"),
    ("pabalsti", "benefits"), ("aprūpe mājās", "home care"),
    ("personas ar invaliditāti", "people with disabilities"), ("darba laiks", "opening hours"),
    ("sabiedriskā apspriešana", "public consultation"), ("brīvprātīgais darbs", "volunteering"),
    ("krīzes palīdzība", "crisis support"), ("mājoklis", "housing"), ("apkure", "heating"),
    ("sadarbība", "cooperation"), ("mācības", "training"), ("jaunieši", "young people"),
    ("veselība", "health"), ("nevalstiskās organizācijas", "NGOs"),
    ("dienas centri", "day centres"), ("atkarību profilakse", "addiction prevention"),
    ("audžuģimenes", "foster families"), ("asistenti", "personal assistants"),
    ("pārtikas pakas", "food parcels"), ("psihologa konsultācijas", "counselling"),
    ("vardarbības upuri", "victims of violence"), ("bezpajumtnieki", "homelessness"),
    ("transports", "transport"), ("pieejamība", "accessibility"),
    ("Eiropas fondi", "EU funds"), ("pagasti", "parishes"),
]
AUTHORS = [
    ("Anita Gāga", "Sociālā dienesta vadītājas vietniece", "Deputy head of the social service"),
    ("Līga Krūmiņa", "Sabiedrisko attiecību speciāliste", "Public relations officer"),
    ("Jānis Ozoliņš", "Sociālais darbinieks", "Social worker"),
    ("Dace Bērziņa", "Sociālā dienesta vadītāja", "Head of the social service"),
    ("Ināra Šķēle", "Projektu vadītāja", "Project manager"),
    ("Ēriks Pūķis", "Sociālo pakalpojumu nodaļas vadītājs", "Head of social services"),
]
# Latvian months in the cases dates take: "no 5. marta", "5. martā", "līdz 5. martam".
MONTHS = {
    "genitive": ["janvāra", "februāra", "marta", "aprīļa", "maija", "jūnija", "jūlija",
                 "augusta", "septembra", "oktobra", "novembra", "decembra"],
    "locative": ["janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā", "jūlijā",
                 "augustā", "septembrī", "oktobrī", "novembrī", "decembrī"],
    "dative": ["janvārim", "februārim", "martam", "aprīlim", "maijam", "jūnijam", "jūlijam",
               "augustam", "septembrim", "oktobrim", "novembrim", "decembrim"],
}
KINDS = ["visit", "service-change", "consultation"]
KIND_WEIGHTS = [4, 4, 2]


@dataclass
class Story:
    number: int
    kind: str
    day: date
    slug: str
    title: dict[str, str]
    summary: dict[str, str]
    tags: dict[str, list[str]]
    body: dict[str, str]
    author: tuple[str, str, str]
    services: list[str] = field(default_factory=list)
    kind_fields: dict = field(default_factory=dict)
    photos: list[str] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return f"news/{self.day.year}/{self.slug}"


def _latvian_day(day: date, case: str) -> str:
    return f"{day.day}. {MONTHS[case][day.month - 1]}"


def _english_day(day: date) -> str:
    return f"{day.day} {day:%B}"


def _paragraphs_visit(rng, place, region, day):
    region_lv, region_en = region
    place_nom, place_loc = place
    other = rng.choice([p for p in PLACES if p != place])
    lv = [
        f"{_latvian_day(day, 'locative')} {place_loc} viesojās {region_lv} pašvaldību sociālie "
        f"darbinieki. Viņi vēlējās uz vietas uzzināt, kā {place_loc} organizē sociālo palīdzību "
        "un kādus pakalpojumus piedāvā ģimenēm, senioriem un cilvēkiem ar invaliditāti.",
        "Vizītes laikā kolēģi apmeklēja dienas centru, sociālo virtuvi un krīzes centru, kā arī "
        "tikās ar nevalstisko organizāciju pārstāvjiem. Sarunās tika pārrunāts, kā pēc "
        "teritoriālās reformas nodrošināt vienādu pakalpojumu kvalitāti pilsētā un pagastos.",
        "## Ko viesi novērtēja",
        "- **Vienas pieturas aģentūra.** Iedzīvotāji var pieteikties pabalstiem un "
        "pakalpojumiem vienuviet, arī attālināti.\n"
        "- **Mobilā brigāde.** Sociālie darbinieki regulāri izbrauc uz attālākajām mājām.\n"
        "- **Sadarbība ar ģimenes ārstiem.** Informācija par vientuļiem senioriem nonāk "
        "dienestā ātrāk.\n"
        f"- **Brīvprātīgie.** {place_loc} jaunieši palīdz senioriem iepirkties un kurināt krāsnis.",
        "## Kopīgās problēmas",
        "Visas pašvaldības atzina, ka trūkst sociālo darbinieku un aprūpētāju, īpaši laukos. "
        f"Nākamā pieredzes apmaiņas tikšanās notiks {other[1]}, kur kolēģi iepazīsies ar "
        "aprūpes mājās pakalpojumu.",
        "Plašāk par sociālajiem pakalpojumiem lasiet [Labklājības ministrijas vietnē]"
        "(https://www.lm.gov.lv/lv/socialie-pakalpojumi) vai jautājiet "
        "[Sociālajā dienestā](/kontakti/).",
    ]
    en = [
        f"On {_english_day(day)}, social workers from {region_en} visited {place_nom}. They "
        f"wanted to see for themselves how {place_nom} organises social assistance and which "
        "services it offers to families, older people and people with disabilities.",
        "During the visit our colleagues saw the day centre, the social kitchen and the crisis "
        "centre, and met representatives of non-governmental organisations. They discussed how "
        "to keep services equally good in the town and in the parishes after the territorial "
        "reform.",
        "## What the visitors valued",
        "- **A one-stop shop.** Residents can apply for benefits and services in one place, "
        "also online.\n"
        "- **A mobile team.** Social workers regularly visit the most remote homes.\n"
        "- **Work with family doctors.** The service learns sooner about older people who "
        "live alone.\n"
        f"- **Volunteers.** Young people in {place_nom} help older neighbours with shopping "
        "and firewood.",
        "## Shared problems",
        "Every municipality said that social workers and carers are hard to find, especially "
        f"in the countryside. The next exchange will take place in {other[0]}, where our "
        "colleagues will learn about home care.",
        "Read more about social services on the [Ministry of Welfare's website]"
        "(https://www.lm.gov.lv/en/social-services) or ask the "
        "[Social Service](/en/kontakti/).",
    ]
    return lv, en


def _paragraphs_service_change(rng, service, place, day):
    service_lv, service_loc, service_en = service
    place_nom, place_loc = place
    opens = day + timedelta(days=rng.randrange(7, 40))
    street, street_loc = rng.choice([("Stacijas iela", "Stacijas ielā"),
                                     ("Dzirnavu iela", "Dzirnavu ielā"),
                                     ("Rīgas iela", "Rīgas ielā"), ("Pils iela", "Pils ielā"),
                                     ("Lāčplēša iela", "Lāčplēša ielā")])
    number = rng.randrange(1, 60)
    lv = [
        f"No {_latvian_day(opens, 'genitive')} {service_loc} {place_loc} mainās darba kārtība. "
        f"{service_lv} turpmāk strādās {street_loc} {number}, jaunās telpās ar pieeju bez "
        "pakāpieniem un pielāgotu tualeti.",
        "Izmaiņas saskaņotas ar pakalpojuma saņēmējiem un viņu tuviniekiem. Pieņemtie lēmumi "
        "un izsniegtie taloni paliek spēkā, no jauna pieteikties nav vajadzīgs.",
        "## Kas mainās",
        f"- jaunā adrese: {street} {number}, {place_nom};\n"
        "- darba laiks darbdienās no plkst. 8.00 līdz 17.00;\n"
        "- piektdienās līdz plkst. 15.00;\n"
        "- pie ieejas ir divas autostāvvietas cilvēkiem ar invaliditāti.",
        "## Kas paliek kā iepriekš",
        "1. Pakalpojums joprojām ir bez maksas trūcīgām un maznodrošinātām mājsaimniecībām.\n"
        "2. Pieteikties var pie sava sociālā darbinieka vai pa tālruni +371 65300000.\n"
        "3. Ja jums grūti nokļūt jaunajā vietā, dienests palīdzēs ar transportu.",
        "Jautājumu gadījumā zvaniet vai rakstiet, kontaktinformācija ir lapā "
        "[Kontakti](/kontakti/).",
    ]
    en = [
        f"From {_english_day(opens)}, {service_en.lower()} in {place_nom} changes how it "
        f"works. It will be at {street} {number}, in new premises with step-free access and an "
        "accessible toilet.",
        "The change was agreed with the people who use the service and their families. "
        "Decisions and vouchers already issued remain valid; there is no need to apply again.",
        "## What is changing",
        f"- the new address: {street} {number}, {place_nom};\n"
        "- opening hours on weekdays from 8:00 to 17:00;\n"
        "- on Fridays until 15:00;\n"
        "- two parking spaces for people with disabilities at the entrance.",
        "## What stays the same",
        "1. The service is still free for households on low incomes.\n"
        "2. You can apply through your social worker or by phone on +371 65300000.\n"
        "3. If the new address is hard for you to reach, the service will help with transport.",
        "If you have questions, call or write to us: see [Contacts](/en/kontakti/).",
    ]
    return lv, en


def _paragraphs_consultation(plan, place, day, until, meeting):
    plan_lv, _, plan_en, _ = plan
    place_nom, place_loc = place
    lv = [
        f"Novada pašvaldība aicina iedzīvotājus apspriest {plan_lv}. Apspriešana notiek līdz "
        f"{_latvian_day(until, 'dative')}; visi priekšlikumi tiks izvērtēti un publicēti kopā ar "
        "pašvaldības atbildēm.",
        "## Iedzīvotāju sanāksme",
        f"{_latvian_day(meeting, 'locative')} plkst. 17.30 {place_loc}, pagasta pārvaldes "
        "zālē, notiks sanāksme. Sociālā dienesta pārstāvji izstāstīs, kas mainīsies, un "
        "atbildēs uz jautājumiem. Ja vajadzīgs transports, piesakieties pa tālruni "
        "+371 65300000.",
        "## Kā izteikt viedokli",
        "- aizpildiet anketu pagasta pārvaldē vai bibliotēkā;\n"
        "- rakstiet uz e-pastu socialais.dienests@example.lv;\n"
        "- iesniedziet priekšlikumu portālā [Latvija.gov.lv](https://www.latvija.gov.lv/);\n"
        "- zvaniet savam sociālajam darbiniekam.",
        "Dokumenta projekts ir pieejams Sociālajā dienestā un pagastu pārvaldēs darba laikā. "
        "Īpaši gaidām to cilvēku viedokli, kuri pakalpojumu izmanto paši vai kopj tuviniekus.",
    ]
    en = [
        f"The municipality invites residents to comment on {plan_en}. The consultation runs "
        f"until {_english_day(until)}; every proposal will be considered and published with "
        "the municipality's answer.",
        "## Residents' meeting",
        f"On {_english_day(meeting)} at 17:30 there will be a meeting in {place_nom}, in the "
        "hall of the parish administration. Staff of the Social Service will explain what will "
        "change and answer questions. If you need transport, call +371 65300000.",
        "## How to comment",
        "- fill in the form at the parish administration or the library;\n"
        "- write to socialais.dienests@example.lv;\n"
        "- send a proposal through [Latvija.gov.lv](https://www.latvija.gov.lv/en);\n"
        "- call your social worker.",
        "The draft is available at the Social Service and the parish administrations during "
        "opening hours. We especially want to hear from people who use the service or care "
        "for a relative.",
    ]
    return lv, en


def _consultation_fields(plan, place, day, until, meeting, rng) -> dict[str, dict]:
    """Front matter of a consultation as an editor fills it in, per language."""
    _, subject_lv, subject_en, regulation = plan
    place_nom, _ = place
    documents = [{"title": "Dokumenta projekts",
                  "link": f"https://www.example.lv/apspriesanas/{day:%Y-%m-%d}-projekts.pdf"}]
    lv = {"subject": subject_lv, "opens": day.isoformat(), "closes": until.isoformat(),
          "regulation": regulation,
          "meetings": [{"start": f"{meeting.isoformat()} 17:30",
                        "end": f"{meeting.isoformat()} 19:00",
                        "place": f"{place_nom}, pagasta pārvaldes zāle"}],
          "documents": documents,
          "participation": {"email": "socialais.dienests@example.lv",
                            "in_person": "Sociālajā dienestā, Raiņa ielā 15, darba laikā"}}
    if rng.random() < 0.5:
        lv["results"] = f"https://www.example.lv/apspriesanas/{day:%Y-%m-%d}-rezultati"
    return {"lv": lv, "en": {"subject": subject_en}}


def _kind_fields(kind: str, known: dict[str, dict], day: date, rng, settings):
    """{lang: fields} for the fields the schema has for `kind` (its plugin's KIND_FIELDS):
    the values in `known` where the schema has that field, a made-up valid value for any
    other required one; a translation gets only the fields it does not inherit."""
    specs = schema(settings).kinds.get(kind, {})
    lv = {name: value for name, value in known.get("lv", {}).items() if name in specs}
    offset = [0]
    for name, spec in specs.items():
        if spec.required and name not in lv:
            lv[name] = _field_value(name, spec, day, offset, rng, settings)
    en = {name: known.get("en", {}).get(name, value) for name, value in lv.items()
          if not specs[name].inherit}
    return {"lv": lv, "en": en}


def _field_value(name: str, spec: Field, day: date, offset: list[int], rng, settings):
    """A valid value for one schema field; dates follow the story day in field order, so
    a later field (an end) comes after an earlier one (a start)."""
    if spec.type in ("record", "records"):
        count = 1 if spec.type == "record" else rng.randrange(1, 3)
        items = [{sub: _field_value(sub, sub_spec, day, offset, rng, settings)
                  for sub, sub_spec in (spec.fields or {}).items()} for _ in range(count)]
        return items[0] if spec.type == "record" else items
    if spec.type == "date":
        offset[0] += 7
        return (day + timedelta(days=offset[0])).isoformat()
    if spec.type == "choice":
        allowed = settings[spec.choices] if isinstance(spec.choices, str) else spec.choices
        return sorted(allowed)[0]
    if spec.type == "url":
        return f"https://www.example.lv/{name}"
    if spec.type == "number":
        return int(spec.example) if str(spec.example).isdigit() else 1
    if spec.type == "bool":
        return False
    if spec.type == "list":
        return [spec.example.strip("[]") or name]
    return spec.example or name.replace("_", " ").capitalize()


def available_services(content: Path) -> list[str]:
    """Service ids as stories name them: the folders of content/services/."""
    services = content / "services"
    if not services.is_dir():
        return []
    return sorted(p.parent.name for p in services.glob("*/index.lv.md"))


def make_stories(count: int, seed: int, services: list[str], settings: dict,
                 photos: int = 0) -> list[Story]:
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    stories, slugs = [], set()
    for number in range(count):
        day = FIRST_DAY + timedelta(days=span * number // max(count, 1) + rng.randrange(0, 3))
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        place = rng.choice(PLACES)
        if kind == "visit":
            region = rng.choice(REGIONS)
            title = {"lv": f"{region[0]} sociālie darbinieki pieredzes vizītē {place[1]}",
                     "en": f"Social workers from {region[1]} on a study visit to {place[0]}"}
            summary = {"lv": f"{region[0]} kolēģi {place[1]} iepazinās ar sociālo palīdzību, "
                             "dienas centra darbu un sadarbību ar biedrībām.",
                       "en": f"Colleagues from {region[1]} learnt how {place[0]} organises "
                             "social assistance and works with local associations."}
            lv, en = _paragraphs_visit(rng, place, region, day)
            known = {}
        elif kind == "service-change":
            service = rng.choice(SERVICES)
            title = {"lv": f"{service[0]} {place[1]} pārceļas uz jaunām telpām",
                     "en": f"{service[2]} in {place[0]} moves to new premises"}
            summary = {"lv": f"{service[0]} {place[1]} strādās jaunā adresē; lēmumi un taloni "
                             "paliek spēkā.",
                       "en": f"{service[2]} in {place[0]} moves to a new address; decisions "
                             "and vouchers remain valid."}
            lv, en = _paragraphs_service_change(rng, service, place, day)
            known = {}
        else:
            plan = rng.choice(PLANS)
            title = {"lv": f"Aicina apspriest {plan[0]} {place[1]}",
                     "en": f"Have your say on {plan[2]} in {place[0]}"}
            summary = {"lv": f"{place[1]} un pagastos dzīvojošie līdz apspriešanas beigām var "
                             "izteikt viedokli par sagatavoto dokumentu.",
                       "en": f"Residents of {place[0]} and the parishes can comment on "
                             f"{plan[2]} until the consultation closes."}
            until = day + timedelta(days=rng.randrange(14, 30))
            meeting = day + timedelta(days=rng.randrange(3, 13))
            lv, en = _paragraphs_consultation(plan, place, day, until, meeting)
            known = _consultation_fields(plan, place, day, until, meeting, rng)
        if stories and rng.random() < 0.5:  # a link to an earlier story, as editors do
            earlier = rng.choice(stories)
            lv.append(f"Lasiet arī: [{earlier.title['lv']}](/jaunumi/{earlier.day.year}/"
                      f"{earlier.slug}/).")
            en.append(f"See also: [{earlier.title['en']}](/en/news/{earlier.day.year}/"
                      f"{earlier.slug}/).")
        slug = base = slugify_title(title["lv"])
        while slug in slugs:  # unique across years too, as vanilla Pelican needs
            slug = f"{base}-{len(slugs)}"
        slugs.add(slug)
        chosen_tags = rng.sample(TAGS, rng.randrange(1, 4))
        story = Story(
            number=number, kind=kind, day=day, slug=slug, title=title, summary=summary,
            tags={"lv": [t[0] for t in chosen_tags], "en": [t[1] for t in chosen_tags]},
            body={"lv": "\n\n".join(lv) + "\n", "en": "\n\n".join(en) + "\n"},
            author=rng.choice(AUTHORS),
            services=(rng.sample(services, min(len(services), rng.randrange(1, 3)))
                      if services and kind == "service-change" else []),
            kind_fields=_kind_fields(kind, known, day, rng, settings),
        )
        stories.append(story)
    _assign_photos(stories, photos, rng)
    return stories


def _assign_photos(stories: list[Story], photos: int, rng) -> None:
    """Galleries of PHOTOS_PER_GALLERY photos on visit stories, spread over the years."""
    visits = [s for s in stories if s.kind == "visit"]
    galleries = -(-photos // PHOTOS_PER_GALLERY)
    if not galleries or not visits:
        return
    step = max(1, len(visits) // galleries)
    remaining = photos
    for story in visits[::step][:galleries]:
        take = min(PHOTOS_PER_GALLERY, remaining)
        first = 1000 + rng.randrange(8000)
        story.photos = [f"photos/IMG_{first + i}.jpg" for i in range(take)]
        remaining -= take


def _yaml_text(value, in_list: bool = False) -> str:
    """One YAML scalar, quoted where YAML would misread it."""
    text = str(value)
    if (": " in text or " #" in text or text[:1] in "-?:#[]{},&*!|>'\"%@`"
            or (in_list and any(c in text for c in ",[]{}"))):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _yaml_value(value, indent: int) -> str:
    pad = " " * indent
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return "[" + ", ".join(_yaml_text(v, in_list=True) for v in value) + "]"
        lines = []
        for item in value:
            entries = list(_yaml_mapping(item, indent + 2).splitlines())
            lines.append(f"{pad}- {entries[0].strip()}")
            lines += entries[1:]
        return "\n" + "\n".join(lines)
    if isinstance(value, dict):
        return "\n" + _yaml_mapping(value, indent + 2)
    if isinstance(value, bool):
        return "true" if value else "false"
    return _yaml_text(value)


def _yaml_mapping(data: dict, indent: int = 0) -> str:
    pad = " " * indent
    return "\n".join(f"{pad}{key}:" + ("" if text.startswith("\n") else " ") + text
                     for key, value in data.items()
                     for text in [_yaml_value(value, indent)])


def story_files(story: Story) -> dict[str, str]:
    """{'index.lv.md': text, 'index.en.md': text} in our content format."""
    name, role_lv, role_en = story.author
    lv = {"title": story.title["lv"], "date": f"{story.day:%d.%m.%Y}", "kind": story.kind,
          "author": name, "author_role": role_lv, "summary": story.summary["lv"],
          "tags": story.tags["lv"]}
    if story.services:
        lv["services"] = story.services
    if story.photos:
        lv["cover"] = story.photos[0]
    lv.update(story.kind_fields.get("lv", {}))
    en = {"title": story.title["en"], "author_role": role_en, "summary": story.summary["en"],
          "tags": story.tags["en"], **story.kind_fields.get("en", {})}
    return {f"index.{lang}.md": f"---\n{_yaml_mapping(data)}\n---\n\n{story.body[lang]}"
            for lang, data in (("lv", lv), ("en", en))}


def camera_photo(rng) -> bytes:
    """A 4000×3000 JPEG as a camera writes it: EXIF orientation, camera, time and GPS."""
    from PIL import Image, ImageDraw, ImageFilter

    sketch = Image.new("RGB", (400, 300))
    draw = ImageDraw.Draw(sketch)
    sky, ground = [rng.randrange(60, 200) for _ in range(3)], [rng.randrange(30, 150)
                                                               for _ in range(3)]
    for y in range(300):
        colour = sky if y < 140 else ground
        draw.line([(0, y), (400, y)], fill=tuple(max(0, c - y // 6) for c in colour))
    for _ in range(30):
        x, y, r = rng.randrange(400), rng.randrange(300), rng.randrange(8, 70)
        draw.ellipse([x - r, y - r, x + r, y + r],
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    photo = sketch.filter(ImageFilter.GaussianBlur(2)).resize(PHOTO_SIZE, Image.BICUBIC)
    # sensor grain from the seeded generator (Image.effect_noise is not seeded)
    grain = Image.frombytes("L", PHOTO_SIZE, rng.randbytes(PHOTO_SIZE[0] * PHOTO_SIZE[1]))
    grain = grain.convert("RGB")
    photo = Image.blend(photo, grain, 0.08)
    exif = Image.Exif()
    exif[0x0112] = rng.choice([1, 1, 6, 8, 3])  # Orientation: phones often save rotated
    exif[0x010F], exif[0x0110] = "Canon", "Canon EOS 250D"
    exif[0x0132] = "2024:06:11 10:15:00"
    exif[0x8825] = {1: "N", 2: (56.0, float(rng.randrange(60)), 12.5),
                    3: "E", 4: (rng.randrange(21, 28) * 1.0, float(rng.randrange(60)), 3.2)}
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


SIDECAR = "photos.yml"  # the gallery's alt texts and captions (plugins/gallery/sidecar.py)
PHOTO_TEXTS = [  # (Latvian alt, English alt, Latvian caption, English caption)
    ("Astoņi cilvēki pie apaļa galda dienas centra zālē.",
     "Eight people at a round table in the day centre's hall.",
     "Sarunā ar dienas centra vadītāju.", "Talking to the head of the day centre."),
    ("Divstāvu ēka ar sarkanu jumtu; pie ieejas stāv trīs cilvēki.",
     "A two-storey building with a red roof; three people stand at the entrance.",
     "Krīzes centra ēka.", "The crisis centre's building."),
    ("Sociālās virtuves darbiniece lej zupu bļodā.",
     "A social kitchen worker ladles soup into a bowl.",
     "Pusdienas sociālajā virtuvē.", "Lunch at the social kitchen."),
    ("Balts mikroautobuss ar zilu svītru uz lauku ceļa.",
     "A white minibus with a blue stripe on a country road.",
     "Sociālais transports pagastos.", "Social transport in the parishes."),
]


def sidecar_entry(name: str, number: int) -> str:
    alt_lv, alt_en, caption_lv, caption_en = PHOTO_TEXTS[number % len(PHOTO_TEXTS)]
    return (f"- file: {name}\n  alt:\n    lv: {alt_lv}\n    en: {_yaml_text(alt_en)}\n"
            f"  caption:\n    lv: {caption_lv}\n    en: {_yaml_text(caption_en)}\n")


def project_settings() -> dict:
    return {k: v for k, v in runpy.run_path(str(ROOT / "pelicanconf.py")).items()
            if k.isupper()}


def generate(out: Path, stories_per_lang: int, seed: int = 2026, photos: int = 0,
             source: Path = ROOT / "content") -> list[Story]:
    """Write `<out>/content/` and return the stories (for the other generators' copies)."""
    content = out / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(source, content, ignore=lambda d, names: ["news"] if Path(d) == source
                    else [])
    stories = make_stories(stories_per_lang, seed, available_services(content),
                           project_settings(), photos)
    photo_rng = random.Random(seed + 1)
    for story in stories:
        folder = content / story.folder
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in story_files(story).items():
            (folder / name).write_text(text, encoding="utf-8")
        for photo in story.photos:
            (folder / photo).parent.mkdir(exist_ok=True)
            (folder / photo).write_bytes(camera_photo(photo_rng))
        if story.photos:
            (folder / "photos" / SIDECAR).write_text(
                "".join(sidecar_entry(Path(photo).name, n) for n, photo in
                        enumerate(story.photos)), encoding="utf-8")
    return stories


# --- The same stories for the side-by-side builds --------------------------------------

def _page_sources(content: Path):
    """(section folder, slug, lang, title, body) of every non-news bundle in `content`."""
    from content_schema import read_front_matter

    for source in sorted(content.glob("*/*/index.*.md")):
        section = source.parent.parent.name
        if section == "news":
            continue
        front = read_front_matter(source)
        lang = source.name.split(".")[1]
        yield section, source.parent.name, lang, str(front.data.get("title", "")), front.body


def write_vanilla_pelican(out: Path, stories: list[Story], content: Path) -> Path:
    """The same site for vanilla Pelican: native `Key: value` metadata, native
    translations (same slug, `Lang:`), the default theme, no plugins. Returns its folder."""
    site = out / "vanilla"
    shutil.rmtree(site, ignore_errors=True)
    (site / "content" / "pages").mkdir(parents=True)
    for story in stories:
        name = story.author[0]
        for lang in ("lv", "en"):
            meta = [f"Title: {story.title[lang]}", f"Date: {story.day:%Y-%m-%d} 10:00",
                    f"Category: {story.kind}", f"Tags: {', '.join(story.tags[lang])}",
                    f"Slug: {story.slug}", f"Lang: {lang}", f"Author: {name}",
                    f"Summary: {story.summary[lang]}"]
            folder = site / "content" / str(story.day.year)
            folder.mkdir(exist_ok=True)
            (folder / f"{story.slug}.{lang}.md").write_text(
                "\n".join(meta) + "\n\n" + story.body[lang], encoding="utf-8")
    for section, slug, lang, title, body in _page_sources(content):
        (site / "content" / "pages" / f"{section}-{slug}.{lang}.md").write_text(
            f"Title: {title}\nSlug: {section}-{slug}\nLang: {lang}\n\n{body}", encoding="utf-8")
    (site / "pelicanconf.py").write_text(
        '"""Vanilla Pelican: defaults, plus our cache settings so warm builds compare."""\n'
        'SITENAME = "Novada Sociālais dienests"\nSITEURL = "http://localhost:8000"\n'
        'PATH = "content"\nPAGE_PATHS = ["pages"]\nDEFAULT_LANG = "lv"\n'
        'TIMEZONE = "Europe/Riga"\nDEFAULT_PAGINATION = 10\n'
        'CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCHECK_MODIFIED_METHOD = "md5"\n'
        'CACHE_PATH = "cache"\n', encoding="utf-8")
    return site


HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} — {{ site.Title }}</title>
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{- end }}</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}">\
{{ .Language.LanguageName }}</a>{{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}\
</time></p>
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>\
{{ end }}</ul></article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .RegularPagesRecursive }}{{ if .IsHome }}\
{{ $pages = where site.RegularPages "Section" "news" }}{{ end }}
{{ range (.Paginate $pages).Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}\
</a></h2><p>{{ .Summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
}


def write_hugo(out: Path, stories: list[Story], content: Path) -> Path:
    """The same site for Hugo: page bundles with `index.<lang>.md`, Latvian at / and
    English at /en/, a minimal layout (lists paginated by 10, tags, categories)."""
    site = out / "hugo"
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts").mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts" / name).write_text(text, encoding="utf-8")
    (site / "hugo.toml").write_text(
        'baseURL = "http://localhost:8000/"\ntitle = "Novada Sociālais dienests"\n'
        'defaultContentLanguage = "lv"\ndefaultContentLanguageInSubdir = false\n'
        'timeZone = "Europe/Riga"\n[pagination]\npagerSize = 10\n'
        '[taxonomies]\ntag = "tags"\ncategory = "categories"\n'
        '[languages.lv]\nlanguageName = "Latviešu"\nweight = 1\n'
        '[languages.en]\nlanguageName = "English"\nweight = 2\n', encoding="utf-8")
    for story in stories:
        folder = site / "content" / "news" / str(story.day.year) / story.slug
        folder.mkdir(parents=True)
        for lang in ("lv", "en"):
            data = {"title": story.title[lang],
                    "date": datetime.combine(story.day, time(10)).isoformat(),
                    "categories": [story.kind], "tags": story.tags[lang],
                    "summary": story.summary[lang], "author": story.author[0]}
            (folder / f"index.{lang}.md").write_text(
                f"---\n{_yaml_mapping(data)}\n---\n\n{story.body[lang]}", encoding="utf-8")
    for section, slug, lang, title, body in _page_sources(content):
        folder = site / "content" / section / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"index.{lang}.md").write_text(
            f"---\ntitle: {_yaml_text(title)}\n---\n\n{body}", encoding="utf-8")
    return site


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=100, help="stories per language")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--photos", type=int, default=0,
                        help="camera photos in galleries (Pillow makes ~1 a second)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "work" / "site")
    parser.add_argument("--others", action="store_true",
                        help="also write the vanilla Pelican and Hugo copies")
    args = parser.parse_args(argv)
    stories = generate(args.out, args.stories, args.seed, args.photos)
    if args.others:
        write_vanilla_pelican(args.out, stories, args.out / "content")
        write_hugo(args.out, stories, args.out / "content")
    print(f"{len(stories)} stories per language in {args.out / 'content'}")


if __name__ == "__main__":
    main()
