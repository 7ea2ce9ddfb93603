"""ACLED typing: the event code the context implies.

A mixin of ``DocumentCoder`` (``events.py``). A trigger's code is refined by its actors
and the report: weapons (shelling, air strikes, explosives), clashes between organized
forces (Battles), violence against people who cannot fight back (Violence against
civilians), crowds (Riots: mob violence, violent demonstrations) and protests
(peaceful, with intervention, or turned into a riot anywhere in the report).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from flows.coding.roles import KILL_WORD
from flows.coding.rows import (
    ARMED_NONSTATE,
    CROWD_SECTORS,
    ORGANIZED,
    POLITICAL_SECTORS,
    STATE_ARMED,
    UNARMED_SECTORS,
    Actor,
    force_sector,
)
from flows.coding.text import alternatives

INTERVENTION = re.compile(
    r"tear ?gas|teargas|dispers|water cannon|\barrested\b|baton|rubber bullets|live bullets"
)
STONING = re.compile(  # the weapons of a crowd (ACLED: rioters)
    r"\bpelt(?:ed|ing|s)?\b|\bston(?:ed|ing)\b|"
    r"\b(?:threw|throwing|hurled|hurling) (?:\w+ )?stones\b"
)
RIOT = re.compile(
    r"(?<!anti-)(?<!anti )\briot(?! police| squad| gear| unit| officers?)|rampage|pelt|"
    # stones thrown (a crowd's weapons), not stones quarried
    + STONING.pattern
    + r"|\b(?:throws?|with) (?:\w+ )?stones\b|\ba stone\b|"
    r"\brocks\b|hurl|\bthrew\b|throwing|burn|torch|set (?:a )?fire|set \w+ (?:\w+ )?(?:alight|"
    r"ablaze)|set ablaze|\balight\b|loot|barricad|destr(?:oy|uction)|damag|violent|bonfire|"
    r"smash|vandal|"
    r"\b(?:lit|light|lighting|lighted)\b[^.]{0,20}\bfires?\b|"
    r"abduct|clash(?:ed|es)?\b|\bblock(?:s|ed|ing|aded?)?\b[^.]{0,30}"
    r"\b(?:roads?|highway|street|streets|traffic)\b|dump(?:ed|ing)? (?:garbage|waste)|"
    r"running battles|rowdy|chao(?:s|tic)|engag\w* (?:with )?(?:the )?police|gunshot|"
    r"turned (?:violent|chaotic|ugly)|\b(?:marred|accounts|reports|turned|descended|degenerated) "
    r"(?:by |of |into )?violence\b|\b(?:violence|fights?|fighting|scuffles?) (?:erupted|broke out|"
    r"ensued)\b|\bscuffle|br(?:oke|oken|eak|eaking) into|"
    r"(?:shot|fired|shooting|firing|shoot) (?:\w+ )?in the air|"
    # the demonstrators themselves attacking someone: "some of the protesters assaulted"
    r"\b(?:protest[eo]rs|demonstrators|rioters|students|group|crowd|they) (?:also |then |later )?"
    r"(?:attack(?:s|ed)?|assault(?:s|ed)?|beat(?:s|en)? up|injur(?:e|es|ed))\b"
)


DISPERSAL = re.compile(
    r"\bdispers(?:e|ed|es|ing|al)\b|\bto clear (?:the )?(?:crowds?|protesters|"
    r"demonstrators|youths?|residents|citizens|people)\b"
)
RIOTING = re.compile(  # rioters, rioting, a riot: a protest told as violent by name
    r"(?<!anti-)(?<!anti )\briot(?:s|ed|ing|ers?)?\b(?! police| squad| gear| unit| officers?)"
)
# ACLED's line: a demonstration told as peaceful is no riot, unless it turned violent
PEACEFUL = re.compile(
    r"\bpeaceful(?:ly)?\b(?![^.]{0,60}\b(?:turned|descended|degenerated|became)\b)"
)
NO_VIOLENCE = re.compile(  # "no reports of violence": the report itself says it was no riot
    r"\bno (?:reports? of |reported |evidence of )?(?:violence|clashes|injuries)\b|\bdevoid of\b|"
    r"\bwithout (?:any )?(?:violence|incident)|\bnot known if\b"
)
# what the protesters protest is no violence of theirs: "against the destruction of their
# stalls", "after a man was burnt by soldiers", "victims of ethnic clashes"
GRIEVANCE = re.compile(
    r"\b(?:against|over|protest(?:ed|ing)?) (?:the |their |a |an |his |her )?(?:alleged |recent |"
    r"proposed |planned |illegal )?(?:destruction|demolition|burning|killing|abduction|damage|"
    r"looting)\b|\b(?:was|were|been|being|had been) (?:\w+ )?(?:burnt|burned|abducted|damaged|"
    r"destroyed|torched|looted|demolished)(?: \w+)? by\b|\b(?:ethnic|tribal|communal) clashes\b|"
    # harm done by the weather: "a road damaged by heavy rains"
    r"\b(?:damag|destr|wash)\w* (?:away )?by (?:the )?(?:\w+ )?"
    r"(?:rains?|floods?|flooding|storms?)\b"
)
# The patterns below written with a {kind} are built per lexicon (``CrowdPatterns``): the
# kind's words from seeds/crowd_words.csv fill it, as alternatives.
ARMED_CUE = (  # attackers carrying weapons are an armed group, not a mob (ACLED)
    r"\barmed\b(?! with (?:{crowd_weapon}))|\b(?:{weapon})\b|opened fire|open fire"
)
GUNFIGHT = re.compile(  # an exchange of fire is fought by armed men, never by a crowd
    r"gunfight|gun battle|firefight|shoot-?outs?\b|exchang\w* (?:of )?(?:gun)?fire|crossfire|"
    r"traded fire|\b(?:take|took|taken|taking) up arms\b"
)
EXCHANGE = re.compile(  # an exchange of fire told in the sentence: armed men on both sides
    GUNFIGHT.pattern
    + r"|\b(?:fired|shot|fire) back\b|return(?:ed|ing)? fire|repuls|repel(?:led|s)?\b"
    r"|\b(?:driven|drove) (?:them |the \w+ )?(?:out|off|back)\b|\bf(?:ought|ighting) off\b"
)
# both sides armed and firing, told anywhere in the report: the attack was a clash (ACLED
# Battles), whoever struck first ("the guards fired back", "police repulsed the attackers")
RESISTED = re.compile(
    EXCHANGE.pattern + r"|(?<!running )\bbattl(?:ed?|es|ing)\b"
    r"(?! for| over| against disease| against hunger| against cancer)"
    r"|\bf(?:ight|ought|ighting|ights) back\b|\bshoot(?:ing)? out\b|\bretaliated\b"
)
# the attackers among the dead or wounded: someone fought back (ACLED Battles), "two of the
# raiders were killed", "police shot dead three bandits", "the bodies of the attackers"
# ({hit}: every attacker and thief word, singular or plural)
ATTACKERS_HIT = (
    r"\b(?:{hit}) (?:were |was |had been |have been |are |is )(?:\w+ )?(?:killed|shot|"
    r"injured|wounded|lynched|neutrali[sz]ed)\b|"
    r"\b(?:{hit}) (?:died|killed|shot dead|injured|wounded)(?= in\b| during\b| by\b| after\b|"
    r" when\b| as\b|[.,;]|$)|"
    r"\b(?:killing|killed|shot dead|shooting dead|gunned down|injuring|wounding|neutrali[sz]ed) "
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|some|one|\d+|the|an?) )?"
    r"(?:of the )?(?:suspected )?(?:{hit})\b|"
    r"\b(?:bodies|body) of (?:\w+ ){0,2}(?:belonging to )?(?:the )?(?:{hit})\b"
)
HIT_WORDS = ("kill", "shot", "injur", "wound", "lynch", "neutrali", "died", "gunned", "bod")
RESPONDED = re.compile(
    r"\b(?:intervened|intervene|responded|respond|pursued|pursue|gave chase|engaged)\b"
)
GUNFIRE = re.compile(  # guns fired, besides a bomb thrown
    r"\b(?:fir(?:ed|ing|e) (?:(?:their |small )?(?:weapons|arms|guns|shots)|at|on|upon|against|"
    r"back)|opened fire|open fire|gunfire|gunshots?|small arms|ak-?47s?|rifles?|shot at|shootout)\b"
)
RAIDERS = r"\b(?:raiding|invading|{attackers})\b"  # armed men attacking a place
ATTACKERS = (  # ({attackers}: the plural attacker words)
    r"\b(?:{attackers}|armed (?:group|gang|men)|(?:the )?(?:gang|militia) (?:members|fighters))\b"
)
# police or soldiers told responding to armed attackers and killing or chasing them: the
# force and the attackers fought (ACLED Battles), whoever the attack's sentence names
# ({pursued}: the plural attacker and thief words)
STRUCK_BACK = (
    r"\b(?:police(?:men)?|officers|soldiers|troops|(?:security|government) forces|reservists|"
    r"army|military|rangers)\b (?:[\w-]+ ){0,2}(?:responded|respond|responding|intervened|"
    r"intervene|pursued|pursue|gave chase|engaged?|pushed back|repulsed|repelled|chased|fought)"
    r"\b[^.]{0,40}?\b(?:kill(?:ed|ing|s)?|shoot\w*|shot|gunn\w*|{pursued}|militi\w+|fighters)\b"
)
# armed men attacking a post, camp, patrol or vehicle of the police or the army attack men
# who can fight back: a battle (ACLED), even when no one was hurt
POST_ATTACKED = re.compile(
    r"\b(?:attack(?:ed|s|ing)?|ambush(?:ed|es|ing)?|raid(?:ed|s|ing)?|storm(?:ed|s|ing)?|"
    r"assault(?:ed|s|ing)?|overr[au]n) (?:and [\w-]+ (?:[\w-]+ )?)?(?:[\w-]+ ){0,2}"
    r"(?:(?:police|military|army|security) "
    r"(?:posts?|stations?|camps?|patrols?|vehicles?|bases?|convoys?|checkpoints?)|barracks)\b"
)
# the victims told as members of an armed group ("two suspected Rivo members killed", "a
# member of the Rivo militia"): its fighters, not civilians (ACLED Battles)
MEMBER_BEFORE = re.compile(
    r"\b(?:suspected|alleged|members? of|suspects? of|fighters? of|militants? of)\s+(?:the\s+)?$"
)
MEMBER_AFTER = re.compile(
    r"^\s+(?:(?:sect|militia|group|gang|movement)\s+)?(?:members?|suspects?|fighters?|"
    r"militants?|followers?|adherents|gunmen|insurgents|rebels)\b"
)
COMRADE_KILLED = re.compile(  # an officer shooting his colleagues: the force's own infighting
    r"\b(?:shot|killed|shot dead|shot and killed|stabbed|kills|killing|shoots|shooting)"
    r"(?: and (?:killed|injured|wounded))? (?:(?:his|her|their|two|three|four|a|one) )?(?:of )?"
    r"(?:his |her |their )?(?:own )?(?:colleagues?|boss|superior|commander|"
    r"fellow (?:officers?|soldiers?|policem[ae]n))\b"
)
_FORCES = (
    r"(?:police ?(?:men|man|officers?)|(?<!cross )(?:security |prison |police )?officers?|"
    r"soldiers?|troops|(?:police )?reservists?|(?:security )?guards?|watchm[ae]n|rangers?|"
    r"wardens?|askaris?)"
)
FORCES_HIT = re.compile(  # police, soldiers or guards among the victims: they are a side
    # "officers (escorting a bus) were killed", "two soldiers have died"
    rf"\b{_FORCES} (?:(?:escorting|guarding|patrolling|manning|on patrol|travell?ing|riding)"
    r"\b[^.,;]{0,30} )?(?:(?:were|was|are|is|have been|had been|being) (?:\w+ )?"
    r"(?:killed|injured|wounded|shot|hurt)|(?:have |had |has )?died|"
    r"(?:are|were|is|was) (?:feared|reported|confirmed|presumed) dead)\b|"
    # "two police officers are recuperating after suffering injuries in the attack"
    rf"\b{_FORCES} [^.]{{0,60}}?\b(?:suffer\w*|sustain\w*) (?:\w+ )?(?:injuries|wounds)\b|"
    # "the shooting left two police officers dead"
    rf"\b(?:leav(?:es|ing)|left) (?:(?:a|an|the|two|three|four|five|six|several|\d+|one) )?"
    rf"{_FORCES} (?:dead|injured|wounded)\b|"
    r"\b(?:killing|injuring|wounding|killed|injured|wounded|kill|kills|shot dead|shooting dead)"
    rf"(?: (?:a|an|the|two|three|four|five|six|several|\d+|one|other|fellow)){{0,2}} {_FORCES}\b|"
    # a headline's reduced passive, "policeman killed after an ambush", "four police and a
    # reservist killed": the participle followed by no object
    rf"(?:\b{_FORCES}|\b(?:\d+|one|two|three|four|five|six|several) police)"
    r"(?: and (?:[\w-]+ ){1,3})? (?:\w+ly )?(?:killed|injured|wounded|shot dead)"
    r"\s*(?:[.,;]|$|in\b|during\b|after\b|by\b|when\b|while\b|as\b|following\b)"
)
COMMUNAL = re.compile(  # a clash between these is one of communal militias (ACLED Battles)
    r"\b(?:communit(?:y|ies)|clans?|clansmen|tribes?|tribesmen|tribal|ethnic|"
    r"inter-?(?:communal|clan|ethnic|tribal)|(?:two|rival|neighbouring|neighboring) villages)\b|"
    # groups fighting over grazing, water or a boundary: the stakes of communal militias
    r"\b(?:clash\w*|fought|fight\w*|battl\w*) (?:\w+ ){0,2}over (?:the |a |an )?(?:\w+ )?"
    r"(?:grazing|pastures?|water(?:ing)? (?:points?|holes?)|boreholes?|boundar(?:y|ies)|"
    r"border|cattle|livestock|animals)\b"
)
# two named peoples clashing ("clashes between the Ameru and Bakongo", "Ameru and Bakongo
# clashed"): communal militias (ACLED Battles); searched in the sentence as written
NAMED_SIDES = re.compile(
    r"\bbetween (?:the )?[A-Z][a-z]+s? and (?:the )?[A-Z][a-z]+s?\b(?! (?:roads?|towns?|estates?|"
    r"counties|villages|junction))|\b[A-Z][a-z]+s? and (?:the )?[A-Z][a-z]+s? "
    r"(?:(?:communities|groups|clans|clansmen|tribes|militias|herders|herdsmen|youths) )?"
    r"(?:clash|fought|fight|battle)"
)
# the sentence telling the violence as a clash of communities ("killed as inter-clan
# fighting erupted", "houses burnt after the Ameru and Bakongo clashed"), not as the
# background of a separate attack ("linked to clan clashes", "the attack follows ...")
COMMUNAL_CLASH = re.compile(
    r"\b(?:inter-?(?:clan|communal|ethnic|tribal)|clan|tribal|communal) "
    r"(?:fighting|clash(?:es)?|fights?|battles?)\b|"
    r"\b(?:clash(?:es|ed)?|fighting|fought|violence|battles?) between (?:the )?(?:rival |two )?"
    r"(?:[\w-]+ ){0,3}(?:communit(?:y|ies)|clans?|tribes?|ethnic groups?|villages|militias)\b|"
    r"\b(?:communities|clans|tribes|clansmen|tribesmen) (?:\w+ )?clashed\b"
)
BACKGROUND = re.compile(
    r"\b(?:linked|related|relation|attributed|follows?|followed|following|since|amid|due|"
    r"tensions?|revenge|retaliat\w*|after|dispute)\b[^.]{0,50}$"
)
CLASH_OF_NAMED = re.compile(  # "violence between the Ameru and Bakongo", as written
    r"\b(?i:clash\w*|fighting|fought|violence|battles?) between (?:the )?[A-Z][a-z]+s? and "
    r"(?:the )?[A-Z][a-z]+s?\b"
)
CAMPAIGN = re.compile(r"\bsupporters\b|\brall(?:y|ies)\b|\bcampaigns?\b|\bparty\b|\bleaders\b")
LABOUR_STRIKE = re.compile(
    r"\b(?:on strike|strike (?:ballot|action|notice|by)|general strike|hunger strike|"
    r"(?:workers|union|unions|staff|employees|teachers|doctors|nurses|drivers|lecturers)\b"
    r"[^.]{0,60}\bstrike)\b|\bstrike\b[^.]{0,40}\b(?:underground|metro|transport|rail|"
    r"workers|union|pay|wages)\b"
)
# "march" the walk, not the month ("On 5 March 2021, ..."): searched in lower-cased text
PROTEST_WORDS = re.compile(
    r"protest|demonstrat|\bmarch(?:ed|ers|es|ing)\b|\b(?:a|the|peace|peaceful)\s+march\b|"
    r"\brall(?:y|ies)\b"
)
DEFUSAL = re.compile(
    r"\b(?:defus\w*|dismantl\w*|disarm(?:ed|ing)?|disabled|deactivat\w*|discover\w*|"
    r"uncover\w*|found|finds?|recover\w*|spotted|unexploded|failed to explode|"
    r"did not explode|controlled explosion|bomb squad|possession|(?:arrested|caught|found) with|"
    r"assembl(?:e|es|ed|ing)|caches?)\b"
)
GATHERED = re.compile(  # a crowd assembled in the street: the verbs of a demonstration
    r"\b(?:gathered|assembled|camped|thronged|marched|picketed|paraded|staged|"
    r"took to the streets|held (?:a |an )?(?:\w+ )?(?:procession|vigil|sit-in|march|rally))\b"
)
OWN_BOMB = re.compile(
    r"\b(?:he|she|they|bombers|suspects|militants) (?:was|were) (?:\w+ )?(?:planting|assembling|"
    r"carrying|making|building|handling|transporting)\b|\b(?:went off|exploded|detonated|blew up) "
    r"(?:prematurely|accidentally)|\b(?:during|while) (?:its |their )?(?:construction|assembly)\b"
)
# a crowd that protested or demonstrated while demanding ("pupils protested over the road,
# demanding bumps"): misspelt forms too, as rushed notes write them ("protestd")
PROTESTED = re.compile(r"\bprotest(?:e?d|ing|s)?\b|\bdemonstrat(?:ed|ing|ion)\b|\bpicket")
STORM_WORDS = {"stormed", "storm", "storms", "storming"}
DEMANDING = re.compile(r"\bdemand(?:s|ed|ing)?\b|\bto protest\b|\bin protest\b")
GANG_WORDS = re.compile(r"\byouths?\b|\bsupporters\b")
CROWD_WORDS = r"\b(?:{crowd}|{group})\b"
MOB = (
    r"\bmobs?\b|lynch|mob justice|(?:angry|irate|enraged|furious) (?:{crowd})|"
    r"members of the public|\ba crowd\b|\bthe crowd\b|vigilantes?|\bstamped(?:e|ed|es|ing)\b"
)
VIGILANTES = re.compile(r"vigilantes?")
RAID_TOLD = re.compile(r"\battack|\braid")  # a report telling an attack or raid
DEFENCELESS = re.compile(  # people who cannot fight back, even police or soldiers (ACLED)
    r"\boff[- ]duty\b|\bunarmed (?!bystanders?)|\bin (?:police )?custody\b|\binmates?\b|"
    r"\bdetainees?\b|\bhad been arrested\b|\bextra-?judicial|"
    r"\b(?:at|in|outside) (?:his|her|their) (?:own )?(?:home|house|residence|homestead)\b"
)
NO_HARM = re.compile(  # an attack that hurt no one is a strategic development (ACLED)
    # (the toll words first: "no one was reported killed" is no harm as a whole)
    r"\bno (?:one|injuries|injury|casualties|causalities|violence|civilians) (?:was |were )?"
    r"(?:reported )?(?:injured|hurt|harmed|wounded|killed)\b|"
    r"\bno (?:one|injuries|injury|casualties|causalities|violence|civilians) (?:was |were )?"
    r"reported\b|\bwithout (?:any )?(?:injur|casualt)"
)
TAKEN = re.compile(r"\babduct|\bkidnap|\braped?\b|\bhostages?\b")  # people harmed, unhurt or not
MOB_JUSTICE = re.compile(  # people killed by no armed group for a suspected crime: a lynching
    r"\bsuspected (?:cattle )?(?:thie\w*|witch\w*|robbers?|criminals?|burglars?|rapists?|"
    r"muggers?|pickpockets?|sorcerers?)\b|\baccused of (?:theft|stealing|witchcraft|sorcery|"
    r"being (?:a |an )?(?:thie\w*|witch\w*|robbers?|pickpockets?))|\bon suspicion of|"
    r"\bwitchcraft\b"
)
# a crowd the protest is, or a mob the protest is against: "a crowd of demonstrators",
# "protested the killing of a student by a mob", "protest over rising cases of mob justice"
PEACEFUL_CROWD = re.compile(
    r"\b(?:a|the) crowd of (?:[\w-]+ ){0,3}?(?:protesters|demonstrators|marchers|mourners)\b|"
    r"\b(?:over|against|protest(?:ed|ing|s)?|condemn\w*) (?:the )?(?:[\w-]+ ){0,4}?"
    r"(?:mob justice|lynchings?)\b|\bby (?:a|an) (?:angry |irate )?mob\b"
)
ONE_SIDED_MODES = {  # violence done to someone who cannot fight back: never a battle
    "torture",
    "sexual",
    "abduction",
    "execution",
    "human-shield",
    "massacre",
    "cleansing",
    "assassination",
}
ARMS_REACH = 60  # how far after "shot"/"killed" the victims' weapons may be told
AIRBORNE = re.compile(  # a strike from the air: what flies or is fired
    r"\b(?:air(?:strikes?|craft|borne|\s+(?:strikes?|raids?|force|attacks?))|aerial|drones?|"
    r"jets?|planes?|helicopters?|warplanes?|missiles?|rockets?|bomb(?:s|ing|ed|ers?)?|"
    r"artillery|shell(?:s|ing|ed)|precision|targeted strike|military strike)\b"
)
STAGED_STRIKE = re.compile(r"\b(?:held|hold|holds|stage[ds]?|on) (?:a )?strike\b")
INCENDIARY = re.compile(r"\b(?:petrol|fire)[- ]?bomb|\bmolotov")
BLAST = re.compile(r"\b(?:explosi\w+|blasts?|grenades?|ieds?|detonat\w+)\b")
BOMB_THROWN = re.compile(r"\b(?:thr[eo]ws?|throwing|hurl(?:s|ed|ing)?|lobb(?:ed|ing)|lobs)\b")
HELD_WEAPONS = {"explosives", "ied", "grenade", "car-bomb"}  # a militant's, not a patrol's
REMOTE_MODES = {
    "explosives",
    "ied",
    "car-bomb",
    "grenade",
    "suicide",
    "shelling",
    "missile",
    "aerial",
    "chemical",
    "nuclear",
}
WEAPONS = [
    (re.compile(r"suicide (?:bomb|attack|blast)|suicide bomber"), "suicide"),
    (re.compile(r"\bgrenades?\b"), "grenade"),
    (
        # a mine that explodes, not a gold mine or "the mine" where miners work
        re.compile(
            r"\bieds?\b|improvised explosive|roadside bomb|landmine|land mine|"
            r"\banti-?(?:tank|personnel|vehicle) mines?\b|"
            r"\bmines? (?:blast|explosion|explod|went off|detonat|was planted|were planted)|"
            r"\b(?:stepped on|struck|hit|ran over|drove over|detonated|triggered|planted|laid) "
            r"(?:an? |the )?(?:\w+ )?mines?\b"
        ),
        "ied",
    ),
    (re.compile(r"car bomb|vehicle[- ]borne"), "car-bomb"),
    (
        re.compile(
            r"air ?strikes?|drones?\b|airstrikes?|bombers?|warplanes?|jets?\b|"
            r"helicopter gunships?|aerial bombardment"
        ),
        "aerial",
    ),
    (re.compile(r"shell(?:s|ed|ing)\b|artillery|mortars?\b|rockets?\b"), "shelling"),
    (re.compile(r"missiles?\b"), "missile"),
    (re.compile(r"\bbombs?\b|bombing|explosives?\b|blasts?\b|explosions?\b"), "explosives"),
]


def _filled(template: str, **words: str) -> re.Pattern[str]:
    for kind, alternation in words.items():
        template = template.replace("{" + kind + "}", alternation)
    return re.compile(template)


@dataclass(frozen=True)
class CrowdPatterns:
    """The patterns of crowds, attackers and their weapons, built from a lexicon's crowd
    words (seeds/crowd_words.csv: ``word, kind, is_plural``) once per lexicon."""

    armed_cue: re.Pattern[str]  # ARMED_CUE
    attackers_hit: re.Pattern[str]  # ATTACKERS_HIT
    raiders: re.Pattern[str]  # RAIDERS
    attackers: re.Pattern[str]  # ATTACKERS
    crowd_words: re.Pattern[str]  # CROWD_WORDS
    mob: re.Pattern[str]  # MOB
    struck_back: re.Pattern[str]  # STRUCK_BACK

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str, bool]]) -> CrowdPatterns:
        """From ``(word, kind, is_plural)`` rows."""
        rows = list(rows)

        def kind(*kinds: str, plural_only: bool = False) -> str:
            return alternatives(
                word for word, k, plural in rows if k in kinds and (plural or not plural_only)
            )

        words = {
            "crowd_weapon": kind("crowd_weapon"),
            "weapon": kind("weapon"),
            "hit": kind("attacker", "thief"),
            "attackers": kind("attacker", plural_only=True),
            "pursued": kind("attacker", "thief", plural_only=True),
            "crowd": kind("crowd"),
            "group": kind("group"),
        }
        return cls(
            armed_cue=_filled(ARMED_CUE, **words),
            attackers_hit=_filled(ATTACKERS_HIT, **words),
            raiders=_filled(RAIDERS, **words),
            attackers=_filled(ATTACKERS, **words),
            crowd_words=_filled(CROWD_WORDS, **words),
            mob=_filled(MOB, **words),
            struck_back=_filled(STRUCK_BACK, **words),
        )


def _plural(actor: Actor) -> bool:
    """Whether an actor is told as many people ("students", "a group of voters")."""
    words = actor.surface.lower().split()
    return bool(words) and (words[-1].endswith("s") and not words[-1].endswith("ss"))


class AcledTypes:
    """ACLED decisions of a ``DocumentCoder``; needs its ``lex``, ``lowered`` and caches."""

    def _doc_matches(self, pattern: re.Pattern[str]) -> bool:
        """Whether the (lower-cased) document matches a pattern; computed once (for a batch
        at once, by polars, for ``REPORT_PATTERNS``)."""
        found = self._matches.get(pattern.pattern)
        if found is None:
            found = self._matches[pattern.pattern] = pattern.search(self.lowered) is not None
        return found

    def _weapon(self, lowered: str) -> str | None:
        """The first weapon (``WEAPONS``) a lower-cased sentence names; found once per
        sentence, not once per event word in it."""
        if lowered not in self._weapons:
            self._weapons[lowered] = next(
                (name for pattern, name in WEAPONS if pattern.search(lowered)), None
            )
        return self._weapons[lowered]

    def _violent_report(self) -> bool:
        """Whether the report tells a protest turning violent (ACLED's riot): violence told,
        not denied, and not only the grievance the protesters protest."""
        found = self._matches.get("violent report")
        if found is None:
            found = self._matches["violent report"] = (
                self._doc_matches(RIOT)
                and not self._doc_matches(PEACEFUL)
                and not self._doc_matches(NO_VIOLENCE)
                and (
                    not self._doc_matches(GRIEVANCE)
                    or RIOT.search(GRIEVANCE.sub(" ", self.lowered)) is not None
                )
            )
        return found

    def _attackers_hit(self) -> bool:
        """Whether the report tells attackers among the dead or wounded (``ATTACKERS_HIT``);
        searched only in a report holding one of its verbs (a cheap test first)."""
        return any(word in self.lowered for word in HIT_WORDS) and self._doc_matches(
            self.lex.crowd.attackers_hit
        )

    def _has_mob(self) -> bool:
        """Whether the report tells of a mob, a crowd or vigilantes (ACLED's rioters), not
        of vigilantes fighting armed men off ("vigilantes fought back"): a militia then."""
        crowds = self.lex.crowd
        found = self._matches.get("mob")
        if found is None:
            found = self._matches["mob"] = self._doc_matches(crowds.mob) and (
                crowds.mob.search(VIGILANTES.sub(" ", self.lowered)) is not None
                or not self._doc_matches(RESISTED)
            )
        return found

    def _is_gang_attack(self, source: Actor | None, target_sectors: set[str | None]) -> bool:
        """Youths or a party's supporters who set upon someone, in a report that tells of no
        mob, riot or protest, are a gang attacking people (ACLED's violence against
        civilians by an unidentified or political militia), not a crowd."""
        return (
            source is not None
            and bool(target_sectors - {None})
            and target_sectors.isdisjoint(STATE_ARMED | {"PRO"})
            and GANG_WORDS.search(source.surface.lower()) is not None
            and not self._doc_matches(RIOT)
            and not self._doc_matches(PROTEST_WORDS)
        )

    def _armed_men(self, lowered: str) -> bool:
        """Whether people the dictionaries call civilians ("a group of men", "ten unknown
        men") are told armed or lying in ambush, in a report of no crowd or protest: armed
        men, not a crowd (ACLED)."""
        crowds = self.lex.crowd
        return (
            (crowds.armed_cue.search(lowered) is not None or "ambush" in lowered)
            and not self._has_mob()
            and not self._doc_matches(PROTEST_WORDS)
            and not self._doc_matches(RIOTING)
            and STONING.search(self.lowered) is None  # stones are a crowd's weapons
        )

    def _armed_members(self, target: Actor) -> bool:
        """Whether a victim is told as members of a named armed group ("two suspected Rivo
        members", "a member of the Rivo militia"), not as its former members."""
        if target.is_generic or force_sector(target) not in ARMED_NONSTATE | {"REB"}:
            return False
        before = self.text[max(0, target.start - 30) : target.start].lower()
        return (
            MEMBER_BEFORE.search(before) is not None
            or MEMBER_AFTER.match(self.text[target.end : target.end + 30].lower()) is not None
        ) and not re.search(r"\b(?:former|ex-?|retired|by)\s+(?:[\w-]+\s+){0,2}$", before)

    def _refine(
        self,
        code: str,
        source: Actor | None,
        targets: list[Actor],
        sentence: str,
        co_sources: list[Actor] | None = None,
        word: str = "",
        at: int = -1,
    ) -> str:
        """Choose the code the context implies: weapons, clashes, repression, riots; no riot
        in a report of armed attackers that tells no crowd, protest or riot ("bandits
        burnt the houses and stole the cattle": violence against civilians, ACLED), and no
        battle in a report of a mob that tells no armed attackers or exchange of fire."""
        crowds = self.lex.crowd
        refined = self._refine_context(code, source, targets, sentence, co_sources, word, at)
        if (
            refined in ("PROTEST.mob", "PROTEST.riot")
            and self._doc_matches(crowds.attackers)
            and not self._has_mob()
            and not self._doc_matches(PROTEST_WORDS)
            and not self._doc_matches(RIOTING)
            and not self._doc_matches(STONING)
            and self.lex.has_code("ASSAULT")
        ):
            return "ASSAULT"
        if (
            refined == "FIGHT.firearms"
            and self._has_mob()
            and not self._doc_matches(RESISTED)
            and not self._doc_matches(crowds.attackers)
            and self.lex.has_code("PROTEST.mob")
        ):
            # "a vigilante mob overpowered the police to lynch the suspects": the mob's
            # violence, not a battle of armed forces (ACLED mob violence)
            return "PROTEST.mob"
        return refined

    def _refine_context(
        self,
        code: str,
        source: Actor | None,
        targets: list[Actor],
        sentence: str,
        co_sources: list[Actor] | None = None,
        word: str = "",
        at: int = -1,
    ) -> str:
        """The code the sentence's words, actors and weapons imply (``at``: where the event
        word ends in the sentence, when known)."""
        crowds = self.lex.crowd
        kind, _, mode = code.partition(".")
        lowered = sentence.lower()
        source_sector = force_sector(source)
        target_sectors = {force_sector(t) for t in targets}
        if (
            word.lower() in STORM_WORDS
            and DEMANDING.search(lowered)
            and source_sector not in ORGANIZED - {"AGR"}  # (farmers storming an office too)
            and self.lex.has_code("PROTEST")
        ):
            # people storming an office to demand something protest there; a riot only
            # when the report tells violence besides the storming
            riot = self._violent_report()
            return "PROTEST.riot" if riot and self.lex.has_code("PROTEST.riot") else "PROTEST"
        if (
            kind in ("REQUEST", "ACCUSE")
            and (
                source_sector == "PRO"
                or (
                    source_sector in CROWD_SECTORS | {"AGR", "OPP", "NGO", None}
                    and (GATHERED.search(lowered) or PROTESTED.search(lowered))
                )
            )
            and self.lex.has_code("PROTEST")
        ):
            # "protesters demanded...", "traders gathered outside the office, demanding...":
            # what a demonstration says is the demonstration (a riot if it turned violent)
            code, kind = "PROTEST", "PROTEST"
        if kind == "PROTEST":
            if crowds.mob.search(PEACEFUL_CROWD.sub(" ", lowered)) and self.lex.has_code(
                "PROTEST.mob"
            ):
                return "PROTEST.mob"
            if code == "PROTEST.mob":
                return code
            # a protest that turned violent anywhere in the report is a riot (ACLED)
            if self._violent_report() and self.lex.has_code("PROTEST.riot"):
                return "PROTEST.riot"
            if self._doc_matches(INTERVENTION) and self.lex.has_code("PROTEST.intervention"):
                return "PROTEST.intervention"
            return code
        if (
            kind == "ASSAULT"
            and LABOUR_STRIKE.search(lowered)
            and self.lex.has_code("PROTEST.strike")
            and (source_sector in ("LAB", None) or "LAB" in target_sectors)
        ):
            return "PROTEST.strike"  # "a strike on the underground", "a strike ballot"
        if (
            code == "ASSAULT.aerial"
            and word.lower() in ("strike", "strikes")
            and not AIRBORNE.search(lowered)
        ):
            # "raiders strike a village", "workers stage a strike": no aircraft, no air strike
            if PROTEST_WORDS.search(lowered) or STAGED_STRIKE.search(lowered):
                return "PROTEST.strike" if self.lex.has_code("PROTEST.strike") else "PROTEST"
            code, mode = "ASSAULT", ""
        crowd_source = source_sector in CROWD_SECTORS or source_sector == "OPP"
        if (
            kind in ("ASSAULT", "FIGHT")
            and mode in ("", "kill", "firearms", "edged", "communal")
            and (source is None or crowd_source)
            and crowds.raiders.search(lowered)
            and RESISTED.search(lowered)
            and not MOB_JUSTICE.search(lowered)
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "villagers fought back and killed five raiders", "residents took up arms to
            # battle the raiding militants": people defending themselves with arms against
            # armed raiders fight them (ACLED Battles), no mob
            return "FIGHT.firearms"
        if (
            kind == "COERCE"
            and (mode in ("destroy", "loot") or (mode == "deport" and crowd_source))
            and (source is None or crowd_source)
            and (crowds.mob.search(lowered) or crowd_source)
            and not (crowds.armed_cue.search(self.lowered) and not crowds.mob.search(self.lowered))
        ):
            # a crowd, or a party's supporters, wrecking property or driving people from
            # their homes or work: mob violence
            return "PROTEST.mob" if self.lex.has_code("PROTEST.mob") else code
        if (
            code == "COERCE.loot"
            and source_sector in ARMED_NONSTATE - {"AGR"}
            and self.lex.has_code("ASSAULT")
        ):
            if (
                target_sectors & {"COP", "MIL"}
                or self._doc_matches(FORCES_HIT)
                or self._doc_matches(RESISTED)
                or self._doc_matches(crowds.struck_back)
                or POST_ATTACKED.search(lowered)
            ) and self.lex.has_code("FIGHT.firearms"):
                return "FIGHT.firearms"  # a raid on a police post for its guns: a clash
            if not (
                self._doc_matches(NO_HARM)
                and not self._doc_matches(RAID_TOLD)
                and not KILL_WORD.search(NO_HARM.sub(" ", self.lowered))
                and not TAKEN.search(self.lowered)
            ):
                return "ASSAULT"  # armed men robbing people: violence against civilians
            # "armed men looted shops; no casualties", told as no attack or raid: looting
            # (ACLED property destruction)
        if (
            kind in ("ASSAULT", "COERCE")
            and mode in ("", "kill", "firearms", "edged", "destroy", "beat")
            and source_sector not in STATE_ARMED | {"REB"}
            and not self._has_mob()
            and self.lex.has_code("FIGHT.communal")
        ):
            clash = COMMUNAL_CLASH.search(lowered) or (
                None if CAMPAIGN.search(lowered) else CLASH_OF_NAMED.search(sentence)
            )
            if clash and not BACKGROUND.search(lowered, 0, clash.start()):
                # "two herders were killed in violence between two clans": their clash
                return "FIGHT.communal"
        if (
            kind == "COERCE"
            and mode in ("disrupt", "destroy")
            and source_sector not in CROWD_SECTORS
            and (
                source_sector in ORGANIZED | {"CRM"} or bool(target_sectors & (ORGANIZED | {"CRM"}))
            )
            and (
                self._doc_matches(RESISTED)
                or POST_ATTACKED.search(lowered)
                or (
                    mode == "disrupt"
                    and KILL_WORD.search(lowered)
                    # an armed attack foiled, not an unarmed crowd's attempt
                    and (
                        "attack" in lowered
                        or crowds.attackers.search(lowered)
                        or bool(target_sectors & (ARMED_NONSTATE | {"REB"}))
                    )
                    and not DEFUSAL.search(lowered)
                    and not self._weapon(lowered)
                )
            )
            and not self._has_mob()
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "police foiled the attack, killing one gunman", "militants raided the post and
            # burnt it; a gunbattle ensued": armed sides fought (ACLED Battles)
            return "FIGHT.firearms"
        if kind not in ("ASSAULT", "FIGHT"):
            return code
        if (
            mode in ("", "kill", "firearms", "edged", "beat")
            and source_sector not in STATE_ARMED
            and self._doc_matches(FORCES_HIT)
            and not self._has_mob()
            and not self._doc_matches(PROTEST_WORDS)
            and not self._doc_matches(RIOTING)
            and not self._doc_matches(DEFENCELESS)
            and not MOB_JUSTICE.search(lowered)
            and not self._weapon(lowered)  # a bomb's victims (ACLED remote violence)
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "a man shot and injured a police officer", "a clash during a bank robbery; two
            # officers wounded": police or soldiers hurt, in a report of no crowd, mob or
            # protest, were a side of a fight with armed men (ACLED Battles), not of a riot
            return "FIGHT.firearms"
        if kind == "FIGHT" and (
            code == "FIGHT.communal"
            or COMMUNAL.search(lowered)
            or (NAMED_SIDES.search(sentence) and not CAMPAIGN.search(lowered))
        ):
            # communities, clans or ethnic groups clashing: an armed clash of communal
            # militias (ACLED Battles), not a riot
            return "FIGHT.communal" if self.lex.has_code("FIGHT.communal") else code
        if (
            kind == "FIGHT"
            and mode not in ("overtake", "regain")
            and not EXCHANGE.search(lowered)
            and self.lex.has_code("PROTEST.riot")
        ):
            parties = {source_sector, *target_sectors, *map(force_sector, co_sources or [])} - {
                None
            }
            crowd = source_sector in CROWD_SECTORS or (
                not parties & (ARMED_NONSTATE | {"MIL", "STATE"})
                and (
                    parties & (CROWD_SECTORS | POLITICAL_SECTORS)
                    or parties == {"COP"}
                    or crowds.crowd_words.search(lowered)
                )
                # police fighting raiders or men carrying guns fight armed men, not a crowd
                and not (
                    parties <= {"COP"}
                    and (
                        crowds.attackers.search(self.lowered)
                        or crowds.armed_cue.search(self.lowered)
                    )
                )
            )
            if crowd:
                # rioters fighting police, or rival supporters fighting each other: no battle
                return "PROTEST.riot" if parties & STATE_ARMED else "PROTEST.mob"
        weapon = self._weapon(lowered)
        if (
            weapon
            and mode in ("", "kill", "firearms", "beat")
            and not (
                source_sector in STATE_ARMED
                and weapon in HELD_WEAPONS
                and (mode in ("kill", "firearms") or kind == "FIGHT")
                and not FORCES_HIT.search(lowered)  # "a police truck hit a mine, killing two"
                and not BOMB_THROWN.search(lowered)  # "a policeman ... threw a grenade"
            )
            and self.lex.has_code(f"ASSAULT.{weapon}")
        ):
            # the sentence's weapon is the attack's, unless police or soldiers shoot or kill
            # beside it ("police shot two men planting a bomb"): forces fire guns, the bomb
            # is their foes'
            mode = weapon
        if (
            kind == "ASSAULT"
            and mode in ("", "kill", "beat", "edged")
            and source_sector not in ORGANIZED | {"CRM"}
            and MOB_JUSTICE.search(lowered)
            and not crowds.armed_cue.search(lowered)
            and not self._doc_matches(RESISTED)
            and self.lex.has_code("PROTEST.mob")
        ):
            return "PROTEST.mob"  # "two suspected thieves were beaten to death": mob justice
        if (
            kind == "ASSAULT"
            and mode in ("", "kill", "beat", "edged", "firearms")
            and (
                (self._has_mob() and source_sector not in ORGANIZED - {"PAR"})
                or (
                    (
                        source_sector in UNARMED_SECTORS
                        or (
                            source is not None
                            and crowds.crowd_words.search(source.surface.lower()) is not None
                        )
                        or (
                            source_sector in {"EDU", "LAB", "BUS"}
                            and _plural(source)
                            and not PROTEST_WORDS.search(lowered)  # "protested the killing"
                        )
                        or (source_sector not in ORGANIZED and STONING.search(lowered))
                    )
                    and not self._is_gang_attack(source, target_sectors)
                )
            )
            and (not crowds.armed_cue.search(lowered) or crowds.mob.search(lowered))
        ):
            # violence by a crowd, residents or unarmed civilians: ACLED's mob violence
            return "PROTEST.mob" if self.lex.has_code("PROTEST.mob") else code
        protest_told = "PRO" in target_sectors or (
            (
                self._doc_matches(PROTEST_WORDS)
                or self._doc_matches(RIOTING)
                # "fired to disperse the youths": a crowd, unless armed men fought there
                or (
                    self._doc_matches(DISPERSAL)
                    and not self._doc_matches(RESISTED)
                    and not self._doc_matches(crowds.attackers)
                )
            )  # victims named or not
            and not target_sectors & ARMED_NONSTATE  # troops against rebels: no protest
        )
        violent_protest = protest_told and (self._violent_report() or self._has_mob())
        if (
            violent_protest
            and source is None
            and kind == "ASSAULT"
            and mode in ("", "kill", "firearms", "beat", "protesters")
            and self.lex.has_code("PROTEST.riot")
        ):
            return "PROTEST.riot"  # "two were shot dead as the riots spread": the riot's dead
        if (
            protest_told
            and source_sector in STATE_ARMED
            and self.lex.has_code("ASSAULT.protesters")
        ):
            if violent_protest:
                # force against a demonstration that turned violent is part of the riot
                return "PROTEST.riot" if self.lex.has_code("PROTEST.riot") else code
            return "ASSAULT.protesters"
        organized = source_sector in ORGANIZED
        if mode in ("shelling", "missile", "aerial") and organized:
            fight = "FIGHT.aerial" if mode == "aerial" else "FIGHT.shelling"
            return fight if self.lex.has_code(fight) else f"ASSAULT.{mode}"
        if (
            code.partition(".")[2] in ("explosives", "ied", "grenade", "car-bomb")  # the word's
            and (
                (
                    (
                        DEFUSAL.search(lowered)
                        # police setting off a bomb they found: a controlled explosion
                        or (source_sector in STATE_ARMED and "detonat" in word.lower())
                    )
                    and not KILL_WORD.search(NO_HARM.sub(" ", lowered))
                )
                or OWN_BOMB.search(lowered)
            )
            and self.lex.has_code("COERCE.disrupt")
        ):
            # a bomb found, defused or failed, or one that went off in its makers' hands:
            # disrupted weapons use (ACLED), even when it killed them
            return "COERCE.disrupt"
        if (
            mode in ("grenade", "explosives")
            and (bool(target_sectors & {"COP", "MIL"}) or self._doc_matches(FORCES_HIT))
            and self._doc_matches(GUNFIRE)
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "hurled grenades at the police post and fired on the officers", "the police
            # opened fire after the blast": thrown bombs in a gunfight with the forces are
            # part of the battle (ACLED Battles)
            return "FIGHT.firearms"
        if mode == "explosives" and INCENDIARY.search(lowered) and not BLAST.search(lowered):
            # a petrol bomb burns, it does not explode: arson (ACLED counts no remote
            # violence), whoever threw it
            code, mode = kind, ""
        if mode in REMOTE_MODES:
            return f"ASSAULT.{mode}" if self.lex.has_code(f"ASSAULT.{mode}") else code
        if mode in ONE_SIDED_MODES:
            return f"{kind}.{mode}" if self.lex.has_code(f"{kind}.{mode}") else code
        if (
            kind == "ASSAULT"
            and source_sector not in STATE_ARMED
            and (source_sector not in CROWD_SECTORS or self._armed_men(lowered))
            and POST_ATTACKED.search(lowered)
            and not self._doc_matches(DEFENCELESS)
            and self.lex.has_code("FIGHT.firearms")
        ):
            return "FIGHT.firearms"  # "gunmen raided a police camp": forces that can fight back
        if (
            code == "ASSAULT"
            and self._doc_matches(NO_HARM)
            and not KILL_WORD.search(NO_HARM.sub(" ", self.lowered))
            and not TAKEN.search(self.lowered)
            and self.lex.has_code("COERCE.destroy")
        ):
            return "COERCE.destroy"  # "raiders attacked the village; no one was hurt"
        if (
            kind == "ASSAULT"
            and source_sector in STATE_ARMED
            and (
                COMRADE_KILLED.search(lowered)
                # "two soldiers were killed when foreign troops ambushed their convoy"
                or (FORCES_HIT.search(lowered) and not self._doc_matches(DEFENCELESS))
            )
            and self.lex.has_code("FIGHT.firearms")
        ):
            return "FIGHT.firearms"  # "an officer shot dead two colleagues" (ACLED Battles)
        if (
            kind == "ASSAULT"
            and mode in ("", "kill", "firearms")
            and source_sector in STATE_ARMED
            and word
            # the victims' arms, told right after the event word: "shot two men carrying
            # rifles" (not "...; his father owned a rifle")
            and crowds.armed_cue.search(
                lowered,
                end := (at if at >= 0 else max(0, lowered.find(word.lower())) + len(word)),
                end + ARMS_REACH,
            )
            and not self._doc_matches(PROTEST_WORDS)
            and not self._doc_matches(RIOTING)
            and not self._has_mob()
            and not self._doc_matches(DEFENCELESS)
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "police shot dead two armed robbers", "soldiers killed men carrying rifles":
            # the victims were armed, a side of a fight (ACLED Battles)
            return "FIGHT.firearms"
        if (
            kind == "ASSAULT"
            and source_sector in STATE_ARMED
            and RESPONDED.search(self.lowered)
            and crowds.attackers.search(self.lowered)
            and not self._doc_matches(PROTEST_WORDS)
            and not self._doc_matches(RIOTING)
            and not self._has_mob()
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "raiders attacked the village; police responded, killing three": the force
            # fought the attackers (ACLED Battles)
            return "FIGHT.firearms"
        if (
            kind == "ASSAULT"
            and source_sector not in CROWD_SECTORS
            and self._doc_matches(crowds.struck_back)
            and not self._doc_matches(PROTEST_WORDS)
            and not self._doc_matches(RIOTING)
            and not self._has_mob()
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "gunmen raided the village. Police pursued the raiders, killing two": a battle
            # told after the raid, whichever sentence the event is read from
            return "FIGHT.firearms"
        if kind == "ASSAULT" and self._doc_matches(DEFENCELESS):
            # an off-duty officer, an unarmed man, a detainee: violence against civilians
            return f"{kind}.{mode}" if mode and self.lex.has_code(f"{kind}.{mode}") else code
        if (
            kind == "ASSAULT"
            and source_sector not in CROWD_SECTORS
            and (
                self._doc_matches(RESISTED)
                or (
                    source_sector not in STATE_ARMED
                    and not self._has_mob()
                    and (self._doc_matches(FORCES_HIT) or self._attackers_hit())
                )
            )
            and self.lex.has_code("FIGHT.firearms")
        ):
            # "gunmen attacked the post; officers returned fire", "... killing two police
            # officers": armed men against a force that can fight back (ACLED Battles)
            return "FIGHT.firearms"
        if (
            kind == "ASSAULT"
            and mode in ("", "kill", "firearms")
            and (source is None or source_sector in STATE_ARMED)
            and not self._has_mob()
            and any(self._armed_members(t) for t in targets)
            and self.lex.has_code("FIGHT.firearms")
        ):
            return "FIGHT.firearms"  # "three suspected Rivo members were shot dead"
        if source_sector in ARMED_NONSTATE | {"REB"}:
            # a country named as the target of raiders or gunmen ("attack a Kenyan village")
            # is its people, not its forces
            target_sectors = {"CVL" if s == "STATE" else s for s in target_sectors}
        attacked_forces = bool(target_sectors & {"COP", "MIL"}) and (
            source_sector not in STATE_ARMED
            and (source_sector not in CROWD_SECTORS or self._armed_men(lowered))
        )
        if attacked_forces or (
            organized
            and (
                target_sectors & (ORGANIZED - {"AGR"})
                or (source_sector in STATE_ARMED and "CRM" in target_sectors)
            )
        ):
            # armed men against police or soldiers, or two organized forces: a clash (ACLED)
            return "FIGHT.firearms" if self.lex.has_code("FIGHT.firearms") else "FIGHT"
        return f"{kind}.{mode}" if mode and self.lex.has_code(f"{kind}.{mode}") else code
