"""From an article to the incidents it reports: one per event, placed, dated, typed and counted.

The pipeline is a pure function of the article (and the read-only gazetteer),
so it can run in a process pool or on a cluster:

1. the text is cut into lines, sentences and clauses; headlines, captions,
   datelines and page furniture yield no incidents;
2. each clause's triggers are found and those whose context says the event did
   not happen, or is not new, are set aside;
3. a clause with triggers starts an event; clauses without triggers add their
   places, dates, weapons and counts to the event they follow (or precede);
4. each event takes the most specific place tied to it (a base beats its
   province beats its country), never a dateline, the origin of a projectile,
   or where a statement was made; an event with no place is a reference back to
   another and is dropped;
5. within the article, reports of the same event are merged, and a summary at
   country or province level gives way to the specific events it sums up.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from gazetteer import Gazetteer, Place
from gazetteer.normalize import normalize, proclitic_forms

from . import actors as actor_lexicon
from .article import Article, check_language
from .casualties import read_casualties
from .dates import DateMention, find_dates
from .taxonomy import (
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    SUB_EVENT_TYPES,
    VIOLENCE_AGAINST_CIVILIANS,
)
from .text import Sentence, lines, sentences
from .toponyms import PlaceMention, find_mentions, resolve_mentions
from .triggers import Trigger, find_triggers

SAME_EVENT_DAYS = 1


_SPEECH = frozenset(
    "قال قالت قالوا افاد افادت افادوا اعلن اعلنت اعلنوا ذكر ذكرت اكد اكدت اضاف اضافت صرح صرحت اوضح اوضحت "
    "نقلت نقل بحسب وفق وفقا said says told reported announced stated added according confirmed".split()
)
_OVERRIDING = ("Disrupted weapons use", "Suicide bomb", "Chemical weapon")
_CIVILIAN_WORDS = frozenset(
    "مدنيين مدنيون مدني مدنيه اطفال طفل طفله نساء امراه سكان مواطنين مواطنون مزارعين رعاه "
    "صيادين civilians civilian children child women woman residents villagers farmers shepherds "
    "worshippers passengers".split()
)
_TARGET_CUES = frozenset(
    "على ضد استهداف استهدف استهدفت يستهدف تستهدف بحياه افراد عناصر مقتل قتل اصابه on against "
    "targeting targeted at killing killed wounding members".split()
)
_INTERVENTION = frozenset(
    "تفريق فرقت لتفريق مسيل الغاز اعتقلت dispersed disperse tear teargas arrested detained".split()
)


@dataclass
class Draft:
    """An event being assembled from one or more clauses of a sentence."""

    sentence: int
    start: int
    end: int
    triggers: list[Trigger] = field(default_factory=list)
    weapons: list[Trigger] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    place: PlaceMention | None = None
    date: DateMention | None = None
    inherited_date: bool = False


@dataclass
class Incident:
    """An extracted incident before it becomes a table row."""

    place: Place
    geo_precision: int
    event_date: date
    time_precision: int
    event_type: str
    sub_event_type: str
    weapon: str
    fatalities: int
    actor1: actor_lexicon.Actor | None
    actor2: actor_lexicon.Actor | None
    civilian_targeting: bool
    evidence: str
    evidence_span: tuple[int, int]
    background: bool
    explicit_date: bool
    dated_by_publication: bool
    confidence: float
    sources: int = 1
    extra_evidence: list[str] = field(default_factory=list)


def extract_incidents(article: Article, gaz: Gazetteer) -> list[Incident]:
    """The incidents an article reports, in text order."""
    language = check_language(article)
    text = article.text
    body: list[Sentence] = []
    for index, line in enumerate(lines(text)):
        if line.kind == "body":
            body.extend(sentences(text, line, index))
    if not body:
        return []
    groups = {i: g for i, s in enumerate(body) if (g := _trigger_groups(text, s, i, language))}
    mentions = find_mentions(text, body, language, gaz)
    actors = {i: actor_lexicon.find_actors(text[body[i].start : body[i].end], language) for i in groups}
    _drop_actor_names(body, mentions, actors)
    resolve_mentions(text, mentions, gaz)
    incidents: list[Incident] = []
    for s_index, drafts in groups.items():
        sentence = body[s_index]
        for draft in _complete(text, sentence, drafts, mentions, article.published, language):
            if incidents and _refers_back(text, body, draft, language):
                _add_toll(incidents[-1], text[draft.start : draft.end], language)
                continue
            incident = _incident(text, body, draft, article.published, language, actors[s_index])
            if incident is not None:
                incidents.append(incident)
            elif incidents:
                _add_toll(incidents[-1], text[draft.start : draft.end], language)
    incidents = _merge_same_event(incidents)
    return _drop_summaries(incidents)


def _refers_back(text: str, body: list[Sentence], draft: Draft, language: str) -> bool:
    """A later sentence naming "the attack" / "الهجوم" with no weapon or date of its own speaks of an event
    already reported, not of a new one."""
    if draft.weapons:
        return False
    return all(_definite(text, body[draft.sentence], t, language) for t in draft.triggers)


def _definite(text: str, sentence: Sentence, trigger: Trigger, language: str) -> bool:
    if language == "ar":
        return any(form.startswith("ال") for form in proclitic_forms(normalize(trigger.text.split()[0])))
    before = text[max(sentence.start, trigger.start - 5) : trigger.start].strip().casefold()
    return before.endswith("the")


def _add_toll(incident: Incident, span: str, language: str) -> None:
    """Deaths told in a later sentence about an event already reported ("two were killed in the raid")."""
    if incident.fatalities:
        return
    killed = read_casualties(span, language).killed
    if killed:
        incident.fatalities = killed


def _drop_actor_names(body: list[Sentence], mentions: list[PlaceMention], actors: dict) -> None:
    """A place name inside an actor's name ("المقاومة الإسلامية في العراق") is not a place."""
    spans = [(body[i].start + a.start, body[i].start + a.end) for i, found in actors.items() for a in found]
    mentions[:] = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in spans)]


def _live(triggers: list[Trigger]) -> list[Trigger]:
    """Triggers that stand: not blocked, and not an arrest word that stops something ("توقيف هجماتها")."""
    out = []
    for i, t in enumerate(triggers):
        following = triggers[i + 1] if i + 1 < len(triggers) else None
        if t.blocked:
            continue
        if t.entry.sub_event_type == "Arrests" and following and following.first == t.last + 1:
            continue
        out.append(t)
    return out


def _trigger_groups(text: str, sentence: Sentence, s_index: int, language: str) -> list[Draft]:
    """The events of one sentence: a clause with a trigger starts one; other clauses join the nearest.

    A killing word alone ("قُتل", "killed") or an impact verb with a weapon
    ("سقط صاروخ") starts an event only when nothing else in the sentence does:
    otherwise it tells the toll or the means of the event beside it.
    """
    groups: list[Draft] = []
    pending: list[tuple[int, int, list[Trigger]]] = []
    weak: list[tuple[int, int, list[Trigger], list[Trigger]]] = []
    for clause in sentence.clauses:
        live = _live(find_triggers(text, clause.tokens, language))
        events = [t for t in live if t.entry.kind in ("attack", "event")]
        weapons = [t for t in live if t.entry.kind == "weapon"]
        lesser = [t for t in live if t.entry.kind == "kill" or (t.entry.kind == "impact" and weapons)]
        if events:
            draft = Draft(s_index, clause.start, clause.end, events, weapons)
            for start, _end, more in pending:
                draft.start = min(draft.start, start)
                draft.weapons = more + draft.weapons
            pending, weak = [], []
            groups.append(draft)
        elif groups:
            groups[-1].end = clause.end
            groups[-1].weapons.extend(weapons)
        else:
            pending.append((clause.start, clause.end, weapons))
            if lesser:
                weak.append((clause.start, clause.end, lesser, weapons))
    if not groups and weak:
        start, _end, lesser, _weapons = weak[0]
        draft = Draft(s_index, min(p[0] for p in pending), pending[-1][1], lesser[:1], [])
        for _start, _end, more in pending:
            draft.weapons.extend(more)
        groups.append(draft)
    return groups


def _complete(
    text: str, sentence: Sentence, groups: list[Draft], mentions: list[PlaceMention], published: date, language: str
) -> list[Draft]:
    """Give a sentence's events their places and dates; an event clause with no place joins the next."""
    dates = [_shift(d, sentence.start) for d in find_dates(text[sentence.start : sentence.end], published, language)]
    for draft in groups:
        draft.places = [m for m in mentions if draft.start <= m.start and m.end <= draft.end and m.place]
        draft.dates = [d for d in dates if draft.start <= d.start and d.end <= draft.end]
    groups = _merge_placeless(groups)
    for draft in groups:
        _choose_date(draft, dates, sentence)
    return groups


def _shift(d: DateMention, offset: int) -> DateMention:
    return replace(d, start=d.start + offset, end=d.end + offset)


def _merge_placeless(groups: list[Draft]) -> list[Draft]:
    """An event clause with no place joins the next one in the sentence ("the attack ..., targeted ... in X")."""
    out: list[Draft] = []
    carry: Draft | None = None
    for draft in groups:
        if carry is not None:
            draft.start = carry.start
            draft.triggers = carry.triggers + draft.triggers
            draft.weapons = carry.weapons + draft.weapons
            draft.dates = carry.dates + draft.dates
            carry = None
        if not [p for p in draft.places if p.role == "place"] and draft is not groups[-1]:
            carry = draft
            continue
        out.append(draft)
    if carry is not None:
        out.append(carry)
    return out


def _choose_date(draft: Draft, sentence_dates: list[DateMention], sentence: Sentence) -> None:
    """The event's date: the one in the trigger's own clause first, never the day a statement was made."""
    anchor = draft.triggers[0].start
    trigger_clause = next((c for c in sentence.clauses if c.start <= anchor < c.end), None)
    speech = [c for c in sentence.clauses if {f for t in c.tokens for f in proclitic_forms(t.key)} & _SPEECH]

    def rank(d: DateMention) -> tuple:
        in_clause = trigger_clause is not None and trigger_clause.start <= d.start < trigger_clause.end
        said = any(c.start <= d.start < c.end for c in speech) and not in_clause
        words = [f for t in sentence.tokens if t.end <= d.start for f in proclitic_forms(t.key)][-4:]
        said = said or bool(set(words) & _SPEECH)
        return (said, not in_clause, abs(d.start - anchor))

    own = [d for d in draft.dates if not d.since]
    if own:
        draft.date = min(own, key=rank)
        return
    others = [d for d in sentence_dates if not d.since]
    if others:
        draft.date = min(others, key=rank)
        draft.inherited_date = True


def _specificity(place: Place) -> int:
    return place.admin_level


def _choose_place(draft: Draft) -> PlaceMention | None:
    candidates = [m for m in draft.places if m.role == "place"]
    if not candidates:
        return None
    anchor = draft.triggers[0].start
    return max(candidates, key=lambda m: (_specificity(m.place), m.start >= anchor, -abs(m.start - anchor)))


def _geo_precision(mention: PlaceMention) -> int:
    level = mention.place.admin_level
    if level <= 1:
        return 3
    if level == 2 or mention.near:
        return 2
    return 1


def _sub_event(draft: Draft, text: str, language: str) -> tuple[str, str]:
    """The sub-event type and the weapon named, from the draft's triggers and weapons."""
    events = [t for t in draft.triggers if t.entry.kind == "event"]
    for wanted in _OVERRIDING:
        for t in events:
            if t.entry.sub_event_type == wanted:
                weapon = next((w.entry.weapon for w in draft.weapons), t.entry.weapon)
                return wanted, weapon
    if any(t.entry.sub_event_type in ("Peaceful protest", "Violent demonstration") for t in events):
        protest = next(t.entry.sub_event_type for t in events if t.entry.sub_event_type)
        if protest == "Peaceful protest" and any(t.entry.sub_event_type == "Violent demonstration" for t in events):
            protest = "Violent demonstration"
        force = any(t.entry.sub_event_type in ("Attack", "Armed clash") for t in events) or draft.weapons
        return ("Excessive force against protesters" if force else protest), ""
    if draft.weapons:
        weapon = draft.weapons[0].entry
        specific = [t for t in events if t.entry.sub_event_type in ("Air/drone strike",)]
        if specific and weapon.sub_event_type != "Air/drone strike":
            return "Air/drone strike", weapon.weapon
        return weapon.sub_event_type, weapon.weapon
    if events:
        first = events[0].entry
        return first.sub_event_type, first.weapon
    if any(t.entry.weapon == "strike" for t in draft.triggers):
        return "Air/drone strike", "airstrike"
    span = text[draft.start : draft.end]
    if _mentions_civilians(span, language):
        return "Attack", ""
    return "Armed clash", ""


def _mentions_civilians(span: str, language: str) -> bool:
    from .text import tokens

    return any(t.key in _CIVILIAN_WORDS or t.key.removeprefix("ال") in _CIVILIAN_WORDS for t in tokens(span))


def _refine_protest(sub_event: str, span: str, killed: int) -> str:
    from .text import tokens

    if sub_event != "Peaceful protest":
        return sub_event
    keys = {t.key for t in tokens(span)}
    if killed:
        return "Excessive force against protesters"
    if keys & _INTERVENTION:
        return "Protest with intervention"
    return sub_event


def _incident(
    text: str, body: list[Sentence], draft: Draft, published: date, language: str, actors: list
) -> Incident | None:
    mention = _choose_place(draft)
    if mention is None:
        return None
    place = mention.place
    sentence = body[draft.sentence]
    span = text[draft.start : draft.end]
    casualties = read_casualties(span, language)
    killed = casualties.killed or 0
    sub_event, weapon = _sub_event(draft, text, language)
    sub_event = _refine_protest(sub_event, span, killed)
    event_type = SUB_EVENT_TYPES[sub_event]
    if draft.date is not None:
        event_date, precision = draft.date.date, draft.date.precision
        background = draft.date.background
        explicit = not draft.inherited_date
    else:
        event_date, precision, background, explicit = published, 1, False, False
    if background and draft.date.year_only:
        return None
    offset = body[draft.sentence].start
    in_span = [replace(a, start=a.start + offset, end=a.end + offset) for a in actors]
    in_span = [a for a in in_span if draft.start <= a.start and a.end <= draft.end]
    actor1, actor2, civilian = _actors(text, draft, event_type, sub_event, place, language, in_span)
    if sub_event == "Non-state actor overtakes territory" and actor1 is not None and actor1.kind == "state":
        sub_event = "Government regains territory"
    confidence = round(min(1.0, (place.score or 0.5)) * (0.9 if mention.cued else 0.8), 3)
    return Incident(
        place=place,
        geo_precision=_geo_precision(mention),
        event_date=event_date,
        time_precision=precision,
        event_type=event_type,
        sub_event_type=sub_event,
        weapon=weapon,
        fatalities=killed,
        actor1=actor1,
        actor2=actor2,
        civilian_targeting=civilian,
        evidence=text[sentence.start : sentence.end].strip(),
        evidence_span=(sentence.start, sentence.end),
        background=background,
        explicit_date=explicit,
        dated_by_publication=draft.date is None,
        confidence=confidence,
    )


def _actors(
    text: str, draft: Draft, event_type: str, sub_event: str, place: Place, language: str, mentions: list
) -> tuple[actor_lexicon.Actor | None, actor_lexicon.Actor | None, bool]:
    """Who acted and who was acted upon; an unnamed attacker is an unidentified armed group of the country."""
    from .text import tokens

    span_start, span_end = draft.start, draft.end
    found = [_of_country(a, place.country) for a in mentions]
    toks = tokens(text, span_start, span_end)
    starts = {t.start: i for i, t in enumerate(toks)}
    first_actors, targets = [], []
    for a in found:
        i = starts.get(a.start)
        before = {t.key for t in toks[max(0, (i or 0) - 2) : i or 0]} if i is not None else set()
        before |= {k.removeprefix("و") for k in before}
        (targets if before & _TARGET_CUES else first_actors).append(a.actor)
    country = place.country
    civilian = _mentions_civilians(text[span_start:span_end], language)
    if event_type == PROTESTS:
        return actor_lexicon.protesters(country), (first_actors[0] if first_actors else None), False
    if event_type == RIOTS:
        return actor_lexicon.rioters(country), (first_actors[0] if first_actors else None), False
    if sub_event == "Disrupted weapons use":
        interceptor = (first_actors or targets or [None])[0]
        return interceptor, actor_lexicon.unidentified_armed_group(country), False
    if event_type == STRATEGIC:
        return (first_actors[0] if first_actors else None), (targets[0] if targets else None), False
    actor1 = first_actors[0] if first_actors else None
    actor2 = targets[0] if targets else (first_actors[1] if len(first_actors) > 1 else None)
    if actor1 is None:
        actor1 = actor_lexicon.unidentified_armed_group(country)
    if civilian and (actor2 is None or event_type == VIOLENCE_AGAINST_CIVILIANS):
        actor2 = actor_lexicon.civilians(country)
    if event_type in (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS) and actor2 == actor1:
        actor2 = None
    return actor1, actor2, civilian and event_type in (EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)


_GENERIC = {
    "Unidentified Armed Group": actor_lexicon.unidentified_armed_group,
    "Civilians": actor_lexicon.civilians,
    "Protesters": actor_lexicon.protesters,
    "Rioters": actor_lexicon.rioters,
}


def _of_country(mention: actor_lexicon.ActorMention, country: str) -> actor_lexicon.ActorMention:
    """Generic actors named without a country ("gunmen", "civilians") take the event's country, as ACLED names them."""
    make = _GENERIC.get(mention.actor.name)
    if make is None:
        return mention
    return replace(mention, actor=make(country))


def _km(a: Place, b: Place) -> float:
    from geopy.distance import great_circle

    return great_circle((a.latitude, a.longitude), (b.latitude, b.longitude)).km


def _unexplained_blast(incident: Incident) -> bool:
    """An explosion with no weapon named: in a report of a clash or a strike, part of that event."""
    return incident.sub_event_type == "Remote explosive/landmine/IED" and incident.weapon == "explosive"


def _same_event(a: Incident, b: Incident) -> bool:
    if a.place.id != b.place.id:
        blast = _unexplained_blast(a) or _unexplained_blast(b)
        return blast and a.event_date == b.event_date and _km(a.place, b.place) <= 25
    if a.background != b.background:
        return False
    if a.explicit_date and b.explicit_date and abs((a.event_date - b.event_date).days) > 0:
        return False
    if _unexplained_blast(b) or _unexplained_blast(a):
        return True
    return a.event_type == b.event_type or not (a.explicit_date and b.explicit_date)


def _merge_same_event(incidents: list[Incident]) -> list[Incident]:
    """Reports of one event in one article (the same place, a compatible day) become one incident."""
    out: list[Incident] = []
    for incident in incidents:
        twin = next((o for o in out if _same_event(o, incident)), None)
        if twin is None:
            out.append(incident)
            continue
        if _unexplained_blast(twin) and not _unexplained_blast(incident):
            twin.event_type, twin.sub_event_type, twin.weapon = (
                incident.event_type,
                incident.sub_event_type,
                incident.weapon,
            )
        if incident.explicit_date and not twin.explicit_date:
            twin.event_date, twin.time_precision = incident.event_date, incident.time_precision
            twin.explicit_date, twin.dated_by_publication = True, False
        twin.fatalities = max(twin.fatalities, incident.fatalities)
        twin.extra_evidence.append(incident.evidence)
    return out


def _inside(specific: Place, general: Place) -> bool:
    if specific.admin_level <= general.admin_level:
        return False
    if general.is_country:
        return specific.country_code == general.country_code
    return specific.country_code == general.country_code and specific.admin1_code == general.admin1_code


def _drop_summaries(incidents: list[Incident]) -> list[Incident]:
    """A country- or province-level incident gives way to specific incidents inside it within a day."""
    kept = []
    for incident in incidents:
        if incident.place.admin_level <= 1 and not incident.background:
            covered = any(
                other is not incident
                and not other.background
                and _inside(other.place, incident.place)
                and abs((other.event_date - incident.event_date).days) <= SAME_EVENT_DAYS
                for other in incidents
            )
            if covered:
                continue
        kept.append(incident)
    return kept
