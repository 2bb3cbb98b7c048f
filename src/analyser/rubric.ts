/**
 * The rubric, as data: every item a SEN Information Report is checked for, its legal source,
 * the headings and content cues that locate its answer, the specifics that make an answer
 * concrete, and the question a parent can ask when it is missing or vague.
 *
 * Items follow ../shared/notes/sir-rubric.md: K01-K13 from Schedule 1 of the SEND Regulations
 * 2014, E01-E04 from s69(3)(b) of the Children and Families Act 2014, C01-C04 from the SEND
 * Code of Practice (2015) and D01-D03 document-level checks from council guidance.
 *
 * How an item is checked (`check`):
 * - `section`: its answer is found under matching headings (or, when the report has no such
 *   heading, in sentences about it anywhere) and judged by `specifics`;
 * - `fact`: a fact that counts wherever it sits (the SENCO's contact, the Local Offer's
 *   address), judged by the rule of the same id in items.ts;
 * - `document`: a property of the whole report (date, language, governance), judged in items.ts.
 */
import type { ProgrammeCategory } from "./programmes";
import type { SignalName } from "./signals";

export const ITEM_IDS = [
  "K01", "K02", "K03a", "K03b", "K03c", "K03d", "K03e", "K03f", "K03g", "K04", "K05", "K06", "K07", "K08", "K09",
  "K10", "K11", "K12", "K13", "E01", "E02", "E03", "E04", "C01", "C02", "C03", "C04", "D01", "D02", "D03",
] as const;

export type ItemId = (typeof ITEM_IDS)[number];

export type Requirement = "must" | "should" | "good";

/** One kind of specific detail; an answer is concrete when its details weigh enough. */
export interface Specific {
  /** What was found, in plain English ("a named programme"). */
  label: string;
  signal?: SignalName;
  pattern?: RegExp;
  /** Names from the programme lexicon in these categories. */
  programmes?: readonly ProgrammeCategory[];
  /** Distinct matches needed before this detail counts (default 1). */
  atLeast?: number;
  /** Default 1. */
  weight?: number;
}

export interface RubricItem {
  id: ItemId;
  name: string;
  title: string;
  legalSource: string;
  requirement: Requirement;
  check: "section" | "fact" | "document";
  /** Schedule 1 paras 2 and 4 apply to mainstream schools and maintained nurseries only. */
  mainstreamOnly?: boolean;
  /** Headings (lower-cased, numbering removed) whose section answers the item. */
  headings?: RegExp;
  /** Headings that answer it with others ("Disabled pupils"), unless one item is named more precisely. */
  broadHeadings?: RegExp;
  headingExclude?: RegExp;
  /** Sentences about the item, wherever they are. */
  topic?: RegExp;
  specifics?: readonly Specific[];
  /** Total weight of distinct specifics for `present` (default 2). */
  presentAt?: number;
  /** What a specific answer gives, for the reason when it does not: "named interventions, ...". */
  wanted: string;
  /** Phrases that mark this item's answer as generic, with the reason shown. */
  vagueCues?: ReadonlyArray<{ pattern: RegExp; reason: string }>;
  questions: { missing: string; vague: string };
}

// Shared vocabularies, used by more than one item.
const NEEDS =
  /\b(?:autis(?:m|tic)|ASC|ASD|ADHD|attention deficit|dyslexi[ac]|dyscalculi[ac]|dyspraxi[ac]|DCD|developmental (?:co-?ordination|language) disorder|DLD|speech,? (?:and )?language|SLCN|hearing (?:impairment|loss)|deaf(?:ness)?|visual(?:ly)? impair(?:ment|ed)|blind|multi-?sensory impairment|MSI|physical disabilit(?:y|ies)|cerebral palsy|Down['’]?s? syndrome|moderate learning difficult(?:y|ies)|MLD|severe learning difficult(?:y|ies)|SLD|profound and multiple|PMLD|specific learning difficult(?:y|ies)|SpLD|anxiety|attachment|epilepsy|Tourette|selective mutism|global developmental delay|muscular dystrophy|sensory processing|medical needs|diabetes|juvenile arthritis)\b/g;
const TEACHING_STRATEGIES =
  /\bpre[- ]?(?:teach\w*|taught)|\bmodell?ed (?:answers|examples|writing)|\bworked examples|\bwriting frames|\bsentence (?:starters|stems)|\bchunk(?:s|ed|ing)?\b|\bscaffold\w*|\bkey (?:words|vocabulary)\b|\binstructions?\b[^.]{0,30}\b(?:one step at a time|small steps|broken down|chunked|(?:are|is|kept) short|written (?:down|on the board))|\bchecks? (?:for|of) understanding|\bseating plans?|\bcareful seating|\bvisual (?:agenda|prompts|cues)|\bconcrete (?:resources|apparatus|materials)|\bmanipulatives|\bdual coding|\bretrieval practice|\boverlearning|\bprinted copies|\btask boards?|\bnow and next|\bshort(?:er)? instructions|\bmulti-?sensory (?:teaching|approach)|\b(?:small|short) steps|\brecaps?\b|\bsigns? and symbols|\b(?:steps|stages) of (?:a|the|each) task|\bways to record|\bchecking in\b|\bwhere (?:each child|pupils|students|children) sits?|\bvisual supports|\bfirst and then|\bworking walls?|\bmini[- ]whiteboards|\bsentence frames|\bdemonstrat\w+|\brepeat(?:ed|ing)? instructions|\b(?:extra )?thinking time|\bdual-coded|\bstructured scaffolds|\bpre-teaching|\bone (?:instruction|step|thing) at a time\b|\binstructions? in writing\b|\bbreak(?:s|ing)? (?:\w+ ){0,2}into (?:smaller |small )?(?:steps|chunks|checkpoints|parts|stages)\b|\bshow (?:children|pupils|students|them) (?:what|how) to\b|\bpictures? or (?:a )?signs?\b|\bsit (?:close|near|next) to\b/gi;
const TA_DEPLOYMENT =
  /\b(?:teaching assistants?|learning support assistants?|TAs|LSAs)\b[^.]{0,80}\b(?:work with all|allocated|linked to|deployed|based in|departments|not only with|groups in the class|whole class|in english|lessons in)|\bSENC?D?O\b[^.]{0,60}\b(?:observes|coaches|models|gives teachers|advises teachers|supports teachers)|\bcoach(?:es|ing)? (?:\w+ )?(?:staff|teachers|colleagues)\b/gi;
const ADAPTATIONS =
  /\bvisual timetables?|\bword mats|\btask planners|\b(?:coloured|colored) (?:overlays?|paper|backgrounds)|\boverlays\b|\btinted (?:paper|books|exercise books)|\bwriting slopes?|\bwobble cushions?|\bpencil grips?|\blaptops?\b|\bchromebooks?|\bipads?\b|\breader pens?|\breading pens?|\bspeech[- ]to[- ]text|\btext[- ]to[- ]speech|\bassistive technology|\bear defenders|\bfidget|\bworkstations?|\bquiet (?:space|room|area|corner|workspace|reading corner)|\bcalm (?:room|space|area)|\bsensory (?:room|space|tent|breaks?)|\bmovement breaks|\brest breaks|\btime[- ]out (?:passes|cards)|\bexit cards?|\benlarged print|\blarge print|\b(?:reduced|personalised|part[- ]time|adapted|shortened) (?:timetables?|homework(?: load)?|curriculum|day)|\bsmaller (?:classes|groups|teaching groups)|\blow[- ]arousal|\bvisual (?:supports|schedules)|\bnow and next boards?|\bsymbols\b|\bextra time\b|\breaders?\b|\bscribes?\b|\bseparate room|\bmodified (?:resources|papers)|\bmagnifiers?|\bradio aids?|\bpathways?\b|\bone fewer GCSE|\bsupported study/gi;
const FACILITIES =
  /\bstep[- ]free|\bramp(?:s|ed)?\b|\blifts?\b|\baccessible (?:toilets?|shower|entrances?|changing|parking)|\bhygiene (?:rooms?|suites?)|\bchanging (?:bench|places|rooms?|tables?)|\bChanging Places\b|\bhoists?\b|\bhearing loops?|\bdisabled (?:toilets?|parking|bay|space)|\bparking (?:bay|space)|\bhandrails?|\b(?:single|one) (?:level|storey)|\bwide(?:ned)? doors?|\bautomatic doors?|\bevac(?:uation)? chairs?|\bacoustic|\bsound[- ]absorbing|\bsensory rooms?|\bwheelchair (?:access|accessible)|\btactile|\bcontrast(?:ing)? (?:edges|strips)|\bsoft play|\bhydrotherapy pool/gi;
/** Headings about disabled pupils in general, shared by the Equality Act items. */
/**
 * A count of pupils with SEN, or of a need: a share ("13%"), a number of pupils said to have SEN
 * ("23 children ... have special educational needs"), or a figure after the register or plans
 * ("SEN register: 41"). The school's roll ("68 pupils in three classes") is not one.
 */
const SEN_COUNT = new RegExp(
  "\\b\\d+(?:\\.\\d+)?\\s?%" +
    "|\\b(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty)\\s+(?:of\\s+(?:our|the)\\s+\\d+\\s+)?(?:pupils|children|students|young people)\\b[^.]{0,60}\\b(?:SEND?|EHCPs?|EHC plans?|special educational|additional needs|register|autis\\w*|ADHD|dyslexi\\w*|speech|hearing|visual|physical|disabilit\\w*)" +
    "|\\b(?:SEND?|EHCPs?|EHC plans?|register)\\b[^.]{0,40}\\b(?!(?:19|20)\\d{2}\\b)\\d{1,3}\\b(?![\\d/.:-])",
  "gi",
);
const DISABLED_PUPILS = /\bdisabled (?:pupils|students|children|learners|young people)|\b(?:pupils|students|children) with disabilities|\bdisability\b/;
const SUPPORT_PROGRAMMES: readonly ProgrammeCategory[] = ["literacy", "numeracy", "language", "social_emotional", "motor_sensory", "communication_access"];

export const RUBRIC: readonly RubricItem[] = [
  {
    id: "K01",
    name: "kinds_of_sen",
    title: "The kinds of special educational needs the school provides for",
    legalSource: "SEND Regulations 2014, Schedule 1 para 1; SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /\b(?:kinds?|types?|range|sorts?) of (?:special educational )?(?:sen|send|needs?|special|difficult)|\bneeds (?:we|do we|does (?:the|our) \w+|does \w+) (?:provide|support|cater|meet)|\b(?:sen|send|needs) (?:we|do we) (?:provide for|support|cater for)|\bwho (?:we|do we|does (?:the|our) \w+|does \w+) (?:support|cater for|provide for)|\b(?:which|what) (?:children|pupils|students|young people|needs)\b[^?]*\b(?:support|provide|cater|meet|come|attend)|\b(?:children|pupils|students) we support|\bwho comes to|\babout (?:our|the) (?:school|nursery|academy|college)|\babout us\b|\bwho we are\b|\bwho\b[^?]{0,30}\b(?:is|are) for\b|\bareas? of need|\btype of (?:school|provision|setting)|\b(?:needs|difficulties) (?:do|does) (?:you|we|the school) (?:help|support|cater|provide)|\b(?:pupils|children|students|young people) we teach\b|^about (?!(?:this|these|the|our|your|send|sen|special|how|what|who|us)\b)[\w'’ -]{2,40}$/,
    topic: /\b(?:all|most|many) (?:of )?our (?:pupils|children|students|young people) (?:have|are) (?:a |an )?(?:diagnos\w+|autis\w+|severe|profound|moderate|complex|special|speech|social|physical|hearing|visual|sensory|learning|specific)\b|\b(?:kinds?|types?|range) of (?:special educational )?(?:needs|sen|send)\b|\bneeds (?:we|that we) (?:\w+ ){0,3}(?:support(?:ing)?|provid(?:e|ing) for|cater(?:ing)? for|meet(?:ing)?|see(?:ing)?)\b|\bwe (?:\w+ ){0,2}(?:support|provide for|cater for|welcome) (?:children|pupils|students|young people) with\b|\bon (?:our|the|the [\w-]+['’]s) (?:sen|send|special educational needs|inclusion|additional needs) register\b|\bfour (?:broad )?areas\b|\b(?:main|primary|most common|largest) (?:needs?|groups?)\b|\bmost (?:frequent(?:ly)?|common(?:ly)?) (?:identified |seen |met )?needs\b|\b\d+ (?:of (?:our|the) )?(?:children|pupils|students)\b[^.]{0,40}\b(?:SEN support|EHCP|EHC plan|Education, Health and Care)/i,
    specifics: [
      { label: "needs named beyond the four broad areas", pattern: NEEDS, atLeast: 2, weight: 2 },
      { label: "numbers of pupils with SEN or by need", pattern: SEN_COUNT, weight: 2 },
    ],
    wanted: "the needs the school actually meets now (such as autism, dyslexia or hearing impairment) or how many pupils it supports",
    vagueCues: [
      { pattern: /\bfour (?:broad )?areas\b/i, reason: "lists only the four broad areas of need from the Code of Practice" },
      { pattern: /\ball (?:kinds|types) of (?:special educational )?needs\b|\bregardless of (?:their )?need/i, reason: "says it welcomes all kinds of need without naming any" },
    ],
    questions: {
      missing: "Which special educational needs do you currently support, and do you have any specialist or resourced provision?",
      vague: "Which needs do the children you support now have (for example autism, dyslexia, speech and language needs), and how many pupils are on the SEN register?",
    },
  },
  {
    id: "K02",
    name: "identification_assessment",
    title: "How the school identifies and assesses pupils with SEN",
    legalSource: "SEND Regulations 2014, Schedule 1 para 2 (mainstream schools and maintained nurseries)",
    requirement: "must",
    check: "section",
    mainstreamOnly: true,
    headings: /identif|\bneeds? (?:extra|additional|more|special) (?:help|support)|(?<!not )\b(?:has|have|may have) (?:sen|send|special educational|a special|additional needs|a difficulty)|\bearly (?:identification|help)|\bspot\w*|\bnotic\w*|\bassessment of (?:need|sen)|\bassessing (?:needs|sen|pupils|students|children)\b(?!.*progress)|\bfind(?:ing)? out about (?:needs|sen|send|a need)\b/,
    topic: /\bidentif(?:y|ied|ies|ying|ication)\b[^.]{0,60}\b(?:needs?|sen|send|difficult)|\bscreen(?:ed|ing|s)?\b|\b(?:added|placed|put|recorded) (?:to|on) (?:the|our) (?:sen|send)? ?register|\b(?:taken|removed) off (?:the|our)? ?(?:sen|send)? ?register|\braise (?:a|any) concerns?\b[^.]{0,40}\b(?:senc?d?o|teacher)|\bpupil progress meetings?\b/i,
    specifics: [
      { label: "a named test or screen", programmes: ["assessment"], weight: 2 },
      { label: "screening of whole year groups", pattern: /\bscreen(?:ed|ing|s)?\b|\bstandardised (?:\w+ ){0,3}?(?:tests?|assessments?)\b|\b(?:every|each|all) (?:new )?(?:pupils?|children|students)\b[^.]{0,40}\bbaseline (?:assessment|test)|\b(?:all|every) (?:year \d+|reception|new) (?:pupils?|children|students)\b[^.]{0,40}\b(?:take|sit|complete)/gi },
      { label: "how often progress is checked", signal: "frequency" },
      { label: "when a pupil goes on or off the SEN register", pattern: /\b(?:taken|removed|come|comes) off (?:the|our) (?:sen|send)? ?register|\b(?:added to|placed on|put on|entered on) (?:the|our) (?:sen|send)? ?register\b|\bno longer (?:needs?|requires?)\b|\bbefore (?:they are|a child is|a pupil is|a student is|their child is|your child is|being|recording them|adding)\b|\bonly (?:add|place|put)\b/gi },
      { label: "pupil progress meetings", pattern: /\b(?:pupil|student) progress meetings?\b|\btriage meetings?\b/gi },
      { label: "what triggers a closer look", pattern: /\b(?:well )?below (?:age[- ]related )?expect\w*|\bmore than \w+ (?:years?|terms?) below|\bassessment points|\bscores? (?:are )?low|\bwhose (?:scores?|progress)|\bprevious (?:setting|school|nursery)|\breferral form|\bbaseline\b/gi },
    ],
    wanted: "the checks, tests or screens used, how often progress is checked, or who decides when a child goes on the SEN register",
    questions: {
      missing: "How do you find out whether a child has special educational needs, and who decides whether they go on the SEN register?",
      vague: "Which checks or tests do you use to spot special educational needs, how often, and how will you tell me if my child is added to the SEN register?",
    },
  },
  {
    id: "K03a",
    name: "evaluating_effectiveness",
    title: "How the school evaluates the effectiveness of its SEN provision",
    legalSource: "SEND Regulations 2014, Schedule 1 para 3(a); SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /effective|evaluat|\b(?:know|check(?:ing|s)?|tell|see|measur(?:e|ing))\b[^?]*\b(?:working|works|work|impact|difference|success|helping)|\b(?:is|are) (?:it|this|the support|our support|the provision|our provision)\b[^?]*\bworking\b|\bimpact\b|\bquality (?:of (?:our )?(?:provision|send|sen|support)|assurance)|\bhow good is|(?<!\bhow )\b(?:does|do|did) (?:any of )?(?:it|this|that|they|(?:the|our|your child['’]s) (?:help|support|provision|interventions?|extra help)) (?:actually |really )?work\b/,
    topic: /\beffective(?:ness)?\b|\bevaluat\w*|\bimpact of\b|\bprovision maps?\b|\b(?:pre|post)[- ](?:and[- ]post[- ])?(?:intervention|test|assessment)|\bstart and end (?:of|scores?|points?|data|assessments?)\b|\b(?:difference|impact) (?:our|the|this) (?:support|help|provision|interventions?) (?:makes|has|made)\b|\bentry and exit (?:data|scores|assessments?)\b|\bquality assurance\b|\b(?:whether|if|how well)\b[^.]{0,10}\b(?:the|our|this) (?:help|support|provision|interventions?|programmes?)\b[^.]{0,60}\b(?:is|are) (?:working|making a difference|effective|helping)\b|\b(?:send|sen) report (?:to|for) (?:the )?governors\b|\breports? (?:on|to) (?:the )?(?:local )?govern\w*/i,
    specifics: [
      { label: "results from last year", signal: "pastResults", weight: 2 },
      { label: "figures or percentages", signal: "quantity", weight: 2 },
      { label: "scores before and after support", pattern: /\bstart and end\b|\bpre[- ] ?and post|\bentry and exit\b|\bbaseline and\b|\bbefore and after\b|\bpre[- ]and[- ]post/gi, weight: 2 },
      { label: "a yearly or termly report on SEN outcomes", pattern: /\b(?:annual|termly|yearly|written) (?:send |sen )?(?:report|review)\b[^.]{0,40}\bgovern|\breports? (?:the )?results\b/gi, weight: 2 },
      { label: "how often provision is reviewed", signal: "frequency" },
      { label: "named tests", programmes: ["assessment"] },
    ],
    wanted: "how often provision is reviewed, the measures used, or what last year's results were",
    vagueCues: [{ pattern: /\b(?:learning walks|book (?:looks|scrutin\w*)|performance management|a range of (?:monitoring|quality assurance))\b/i, reason: "lists monitoring activities with no findings or frequency" }],
    questions: {
      missing: "How do you check whether your SEN support is working, and what did you find last year?",
      vague: "How often do you review whether interventions work, what do you measure, and what were the results last year?",
    },
  },
  {
    id: "K03b",
    name: "assessing_reviewing_progress",
    title: "How pupils' progress towards outcomes is assessed and reviewed",
    legalSource: "SEND Regulations 2014, Schedule 1 para 3(b); SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /progress|\breview(?:ing|s)? (?:my|your|their|a|the) (?:child|pupil|student)|\bhow (?:is|will) (?:my|your) child (?:be )?doing|\bhow[^?]*\bdoing\b|\btargets\b|\boutcomes\b|\bmeasur(?:e|ing) (?:my|your)|\bsupport plans?\b|\bplanning and review|\bcatching up\b|\bkeeping up\b/,
    headingExclude: /effectiveness|identif/,
    topic: /\b(?:support|learning|provision|individual (?:education|learning|support)|pupil support|student support|personal learning|sen support) plans?\b|\bIEPs?\b|\btargets?\b[^.]{0,40}\breview|\breview(?:ed|s)?\b[^.]{0,40}\b(?:plans?|targets|progress|outcomes)\b|\bannual reviews?\b|\bprogress (?:is|will be|are) (?:checked|monitored|tracked|reviewed|assessed)\b|\bassess,? plan,? do,? review\b/i,
    specifics: [
      { label: "how often plans are reviewed", signal: "frequency", weight: 2 },
      { label: "review months named", pattern: /\b(?:january|february|march|april|may|june|july|september|october|november|december)\b[^.]{0,20},\s*(?:january|february|march|april|may|june|july|september|october|november|december)\b/gi, weight: 2 },
      { label: "the kind of plan used", pattern: /\b(?:support|learning|provision|individual (?:education|learning|support)|pupil support|student support|personal learning) plans?\b|\bIEPs?\b|\bone[- ]page profiles?\b/gi },
      { label: "who takes part in reviews", pattern: /\b(?:invite[sd]?|attend(?:s|ed)?|join(?:s|ed)?|take part|meet(?:s|ing)?)\b[^.]{0,60}\b(?:parents|you|your child|professionals|the (?:child|pupil|student)|therapists)\b|\b(?:meeting|review) with (?:you|parents|families)\b/gi },
      { label: "how many targets", pattern: /\b(?:three|four|two|\d) (?:short-term )?targets\b|\bup to (?:three|four|\d) targets\b/gi },
    ],
    wanted: "how often progress is reviewed, the kind of plan used, or who takes part in reviews",
    questions: {
      missing: "How and how often will my child's progress be reviewed, and will I be part of those reviews?",
      vague: "How often will my child's support plan be reviewed, who will be at the review, and how will the targets be set and shared with me?",
    },
  },
  {
    id: "K03c",
    name: "approach_to_teaching",
    title: "The school's approach to teaching pupils with SEN",
    legalSource: "SEND Regulations 2014, Schedule 1 para 3(c)",
    requirement: "must",
    check: "section",
    headings: /\bteach(?:ing|ers?|es)?\b|\btaught\b|\blessons?\b|\bquality first|\badaptive teaching|\b(?:help|support)\b[^?]*\b(?:in|during) (?:the |their |my child's |your child's )?(?:class(?:room)?|playroom)\b|\bwhat happens in (?:the |my child's |your child's )?(?:class(?:room)?|lessons?|playroom)\b|\b(?:different|happens?)\b[^?]*\bin (?:the )?class(?:room)?\b|\bhow (?:will|does|do) (?:my|your|our|the) (?:child|children|pupils?|students?) learn\b|^in (?:the )?class(?:room)?$/,
    headingExclude: /\btraining\b|\bassistants?\b|\bexpertise\b|\b(?:pupils|children|students|young people) we teach\b/,
    topic: /\bquality first teaching\b|\bhigh[- ]quality (?:inclusive )?teaching\b|\badaptive teaching\b|\bdifferentiat\w*|\bteaching assistants?\b[^.]{0,60}\b(?:work|support|deploy|allocat|linked)|\bevery teacher is (?:a teacher of|responsible)|\bteachers (?:adapt|plan|use|are responsible)|\bscaffold\w*|\bpre[- ]teach\w*/i,
    specifics: [
      { label: "named teaching strategies", pattern: TEACHING_STRATEGIES, atLeast: 2, weight: 2 },
      { label: "a teaching strategy", pattern: TEACHING_STRATEGIES },
      { label: "how teaching assistants are used", pattern: TA_DEPLOYMENT },
      { label: "named classroom approaches", programmes: ["numeracy", "language", "communication_access"], atLeast: 2, weight: 2 },
      { label: "a named classroom approach", programmes: ["numeracy", "language", "communication_access"] },
      { label: "class sizes and staffing", pattern: /\bclasses (?:have|of) (?:between |no more than |up to |fewer than |at most )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\bratio\b|\bat least (?:one|two|three|\d) (?:teaching )?assistants?|\b\d+:\d+\b|\bone adult to (?:one|two|three|\d)|\bgroups of (?:up to |no more than |between )?(?:\d+|two|three|four|five|six|seven|eight)\b/gi },
    ],
    wanted: "the teaching strategies used in class or how teaching assistants are deployed",
    vagueCues: [{ pattern: /\b(?:quality first teaching|high[- ]quality teaching|differentiat\w*)\b/i, reason: "names \"quality first\" or differentiated teaching without saying what it looks like" }],
    questions: {
      missing: "How do teachers adapt their teaching for children with SEN, and how are teaching assistants used?",
      vague: "What will my child's teachers actually do differently in lessons, and how are teaching assistants deployed in the classroom?",
    },
  },
  {
    id: "K03d",
    name: "adapting_curriculum_environment",
    title: "How the curriculum and learning environment are adapted",
    legalSource: "SEND Regulations 2014, Schedule 1 para 3(d); SEND Code of Practice 6.79 and 6.82",
    requirement: "must",
    check: "section",
    headings: /\badapt(?!ive teaching)|\badjust|\bcurriculum|\blearning environment|\baccess arrangements|\bexam(?:ination)?s?\b|\bpathways|\bchanges?\b[^?]*\b(?:to|in) (?:the |our )?(?:nursery|school|classroom|class|setting|environment|timetable|day)\b|\bchang(?:e|es|ing) things\b|\bmak(?:e|es|ing) (?:the |our )?(?:school|nursery|classrooms?|lessons?|learning|curriculum) (?:more )?accessible\b/,
    topic: /\b(?:adapt(?:ed|ation|ations|ing)?|adjust(?:ed|ment|ments|ing)?)\b[^.]{0,40}\b(?:curriculum|environment|classroom|timetable|tasks?|resources)|\b(?:curriculum|environment|classroom)\b[^.]{0,30}\b(?:adapt|adjust)|\baccess arrangements\b|\b(?:personalised|reduced|part[- ]time) timetable\b|\bvisual timetables?\b|\boverlays\b|\bwriting slopes?\b|\bassistive technology\b|\bworkstations?\b|\bchanges? to (?:the |our |their )?(?:classroom|school day|timetable|curriculum|environment|lessons?)\b/i,
    specifics: [
      { label: "concrete adaptations", pattern: ADAPTATIONS, atLeast: 2, weight: 2 },
      { label: "an adaptation", pattern: ADAPTATIONS },
      { label: "exam access arrangements", pattern: /\baccess arrangements\b[^.]{0,120}\b(?:extra time|reader|scribe|rest breaks|separate room|word processor|JCQ)|\bJCQ\b/gi },
    ],
    wanted: "examples of the adaptations made, such as visual timetables, overlays, quiet spaces or a personalised timetable",
    questions: {
      missing: "How do you adapt the curriculum and the classroom for children with SEN?",
      vague: "Can you give examples of adaptations you have made, such as equipment, quiet spaces or a changed timetable, and how you decide what my child needs?",
    },
  },
  {
    id: "K03e",
    name: "additional_support",
    title: "Additional support for learning available to pupils with SEN",
    legalSource: "SEND Regulations 2014, Schedule 1 para 3(e)",
    requirement: "must",
    check: "section",
    headings: /\badditional (?:support|help|provision)|\bextra (?:support|help)|\binterventions?\b|\btypes of support|\bsupport (?:is |that is )?available|\btherap(?:y|ies)\b|\bprovision maps?|\btargeted support|\bextra (?:sessions|lessons|groups)\b/,
    headingExclude: /\bknow\b|identif|find out|notice|\bspot|\b(?:for|to) (?:me|the parents|parents|families|my family|carers)\b|emotional|wellbeing|well-being|mental health|social development/,
    topic: /\binterventions?\b|\bsmall[- ]group (?:work|support|sessions|teaching)|\bsmall groups? (?:such as|like)\b|\bone[- ]to[- ]one (?:support|sessions|tuition|tutoring|work)|\bcatch[- ]up\b|\bbooster\b|\btherap(?:y|ies)\b/i,
    specifics: [
      { label: "named interventions or programmes", programmes: SUPPORT_PROGRAMMES, weight: 2 },
      { label: "how often sessions run", signal: "frequency" },
      { label: "how long sessions last", signal: "duration" },
      { label: "group sizes", signal: "groupSize" },
      { label: "who joins and leaves an intervention", pattern: /\b(?:chosen|selected|join|joins|leaves?|exit (?:target|criteria)|entry (?:criteria|scores))\b[^.]{0,60}\b(?:intervention|meeting|scores|assessments?|target)/gi },
      { label: "named therapies", pattern: /\b(?:speech and language|occupational|physio|music|art|play|rebound|hydro)[- ]?therap(?:y|ies)\b/gi },
    ],
    wanted: "named interventions or programmes, how often and how long they run, or the group sizes",
    vagueCues: [{ pattern: /\b(?:a (?:wide |broad )?range of|variety of) (?:\w+ )?interventions\b/i, reason: "mentions \"a range of interventions\" without naming any" }],
    questions: {
      missing: "What extra help, beyond ordinary lessons, could my child get?",
      vague: "Which interventions or programmes do you run, how often and for how long, in what group sizes, and who leads them?",
    },
  },
  {
    id: "K03f",
    name: "activities_with_peers",
    title: "How pupils with SEN take part in activities with other pupils",
    legalSource: "SEND Regulations 2014, Schedule 1 para 3(f) (including physical activities); SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /\btrips?\b|\bclubs?\b|\bactivit|\bextra-?curricular|\boutside the classroom|\bresidential|\bvisits\b|\bjoin in|\bincluded in|\bschool life|\benrichment|\bsport/,
    topic: /\btrips?\b|\bresidentials?\b|\bextra[- ]curricular\b|\bafter[- ]school clubs?\b|\beducational visits?\b|\bschool visits\b|\bswimming\b|\bsports? (?:day|clubs|fixtures)\b/i,
    specifics: [
      { label: "adjustments made so pupils can join in", pattern: /\bextra (?:adult|member of staff|staff|support)|\badditional (?:adult|staff)|\b(?:specialist|adapted|accessible) transport|\bcoach with|\bwheelchair\b|\bhoist\b|\bone[- ]to[- ]one (?:support|swimming|teacher|adult)|\bquiet(?:er)? (?:club|space|room|area)|\balternative (?:activity|activities|arrangements)|\bphoto(?:graph)?s?\b|\bsocial stor(?:y|ies)|\bbuddy|\bvisual (?:guide|timetable)|\badapted (?:equipment|activities|PE)|\bvisited\b[^.]{0,60}\bbefore|\b(?:staff|adults?|nurses|nursing staff|teaching assistants?|TAs)\b[^.]{0,20}\b(?:travel|go|accompan|come)\w*/gi, weight: 2 },
      { label: "named activities", pattern: /\bresidentials?\b|\bswimming\b|\b(?:football|boccia|chess|lego|art|drama|music|choir|gardening|coding|homework|sports?|dance|multi-?skills|cooking|netball|cricket|running|cycling) (?:club|team|group|lessons?)s?\b|\bPE lessons\b|\bsports day\b|\b(?:museum|farm|zoo|theatre|beach|outdoor (?:education )?centre|shops|library|park|community garden)\b|\bschool games\b/gi, atLeast: 2 },
      { label: "how adjustments are planned", pattern: /\b(?:before|ahead of) (?:each|every|the|any) (?:trip|visit|activity|residential)|\bplan\w* (?:with|together with) (?:parents|families|you)|\btalk to parents\b|\bpre-?visits?\b|\bin advance\b|\brisk assessments?\b[^.]{0,60}\b(?:adjust|include|plan|with parents)/gi },
      { label: "what happened last year", signal: "pastResults" },
      { label: "how often", signal: "frequency" },
    ],
    wanted: "examples of trips, clubs or activities and the adjustments made so pupils with SEN can take part",
    questions: {
      missing: "How will my child be included in clubs, trips, residentials and PE, and what adjustments do you make?",
      vague: "Can you give examples of adjustments you have made so children with SEN could go on trips or join clubs, and how will you plan this with me?",
    },
  },
  {
    id: "K03g",
    name: "emotional_social_development",
    title: "Support for emotional and social development",
    legalSource: "SEND Regulations 2014, Schedule 1 para 3(g); SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /wellbeing|well-being|\bemotional|\bsocial development|\bmental health|\bpastoral|\bsemh\b|\bbullying|\bfeelings|\bbehaviour|\bhappy and safe|\bsafe and happy|\btherapeutic\b|\bfeel(?:ing)? (?:good|safe|happy|ok|okay)\b|\bbeing safe\b|\banxi(?:ous|ety)\b|\bpicked on\b/,
    topic: /\bwellbeing|\bwell-being|\bemotional (?:and social |health|literacy|support|development)|\b(?<!emotional and )mental health\b|\bpastoral\b|\bbullying\b|\bnurture\b|\bSEMH\b|\bself-esteem\b/i,
    specifics: [
      { label: "named pastoral roles", signal: "namedRole", weight: 2 },
      { label: "named programmes", programmes: ["social_emotional"], weight: 2 },
      { label: "named services or referral routes", pattern: /\bCAMHS\b|\bMental Health Support Team\b|\bMHST\b|\bschool nurs\w+|\bcounselling service\b|\bKooth\b/gi },
      { label: "steps against bullying of pupils with SEN", pattern: /\bbullying\b[^.]{0,80}\b(?:recorded|reported|monitor\w*|ambassadors|buddies|asked about|survey|key worker)|\banti-bullying ambassadors\b|\bplayground buddies\b/gi },
      { label: "how often support runs", signal: "frequency" },
    ],
    wanted: "named pastoral staff or programmes, referral routes, or steps against bullying of pupils with SEN",
    vagueCues: [
      { pattern: /\b(?:do not|does not|will not) tolerate bullying\b|\banti-bullying policy\b/i, reason: "refers to an anti-bullying policy without saying what is done for pupils with SEN" },
    ],
    questions: {
      missing: "How do you support children's wellbeing and mental health, and how do you protect children with SEN from bullying?",
      vague: "Who in school supports children's wellbeing (for example an ELSA or learning mentor), what programmes do you run, and what do you do to stop children with SEN being bullied?",
    },
  },
  {
    id: "K04",
    name: "senco_contact",
    title: "The SENCO's name and contact details",
    legalSource: "SEND Regulations 2014, Schedule 1 para 4 (mainstream schools and maintained nurseries)",
    requirement: "must",
    check: "fact",
    mainstreamOnly: true,
    headings: /\bsend?co\b|\bsenc?d?o\b|\bsen(?:d)? co-?ordinator|\binclusion (?:lead|manager|leader)|\bin charge of (?:sen|send)\b|\bget hold of\b/,
    topic: /\bSENC?D?Os?\b|\bSENDCos?\b|\bSENCos?\b|\bsen(?:d)? co-?ordinator\b|\bspecial educational needs (?:and disabilit(?:y|ies) )?co-?ordinator\b|\binclusion (?:manager|lead|leader|co-?ordinator)\b/i,
    wanted: "the SENCO's name together with a direct email, phone number or booking route",
    questions: {
      missing: "Who is the SENCO, and how can I contact them directly?",
      vague: "What is the SENCO's direct email address or phone number, and when are they available?",
    },
  },
  {
    id: "K05",
    name: "staff_expertise_training",
    title: "Staff expertise and training, and how specialist expertise is secured",
    legalSource: "SEND Regulations 2014, Schedule 1 para 5; SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /\btraining\b|\bexpertise|\bqualifi|\bcpd\b|\bprofessional development|\bstaff (?:skills|knowledge|experience)|\bwhich staff|\bwho will (?:support|work with|teach) my child|\bstaffing\b|\bour staff\b|\bstaff\b[^?]*\b(?:know about|trained|understand)\b/,
    // Not the training pupils go on to ("education, employment or training", "travel training").
    topic: /(?<!\b(?:employment|education|apprenticeships?|work),? (?:or|and) |\btravel )\btrain(?:ed|ing)\b|\bqualif(?:ied|ication|ications)\b|\bCPD\b|\bprofessional development\b|\bexpertise\b|\baccredit\w*/i,
    specifics: [
      { label: "named training or qualifications", programmes: ["training"], weight: 2 },
      { label: "training on a named topic", pattern: /\btrain(?:ed|ing)\b[^.]{0,20}\b(?:in|on|from)\b[^.]{0,10}\b(?:autism|ADHD|dyslexia|attachment|trauma|speech|language|Makaton|epilepsy|moving and handling|radio aids|[A-Z][a-z]+ [A-Z])|\b(?:completed|gained|holds|achieved)\b[^.]{0,60}\b(?:training|award|qualification|certificate|diploma)/g, weight: 2 },
      { label: "when training took place", signal: "date" },
      { label: "how many staff were trained", signal: "quantity" },
      { label: "specialist services bought in", pattern: /\b(?:buy|buys|bought|commission\w*|purchase\w*)\b[^.]{0,60}\b(?:time|days|sessions|service|support)\b|\bservice level agreement\b/gi },
      { label: "named specialists", signal: "namedService" },
    ],
    wanted: "the training staff have had (what, when, how many), specialist qualifications, or the outside expertise bought in",
    vagueCues: [{ pattern: /\b(?:regular|relevant|ongoing|a range of) training\b|\btraining (?:throughout|during) the year\b/i, reason: "says staff have \"regular\" or \"relevant\" training without naming any" }],
    questions: {
      missing: "What SEN training have staff had, and which specialists can the school call on?",
      vague: "Which SEN training have staff completed in the last year, how many staff took part, and which specialists (such as an educational psychologist) work with the school and how often?",
    },
  },
  {
    id: "K06",
    name: "equipment_facilities",
    title: "How equipment and facilities to support pupils with SEN are secured",
    legalSource: "SEND Regulations 2014, Schedule 1 para 6",
    requirement: "must",
    check: "section",
    headings: /\bequipment|\bfacilities\b(?!.*disab)|\bresources\b|\bfunding|\bbudget|\bmoney|\bpay for/,
    topic: /\b(?:sen|send|notional|delegated)? ?budget\b|\bfunding\b|\btop[- ]up\b|\bhigh needs\b|\belement (?:2|3|two|three)\b|£\s?\d|\bspecialist equipment\b|\bequipment (?:service|scheme|loan)|\bresources (?:are )?allocated\b/i,
    specifics: [
      { label: "amounts of funding", pattern: /£\s?\d[\d,]*/g, weight: 2 },
      { label: "how extra funding is obtained", pattern: /\btop[- ]up\b|\bhigh needs (?:funding|block)|\belement (?:3|three)\b|\bapply (?:to|for)\b[^.]{0,40}\b(?:council|local authority|funding|fund)\b|\b(?:inclusion|access|SEN|disability) fund(?:ing)?\b|\bpupil premium\b/gi },
      { label: "the notional SEN budget", pattern: /\bnotional (?:sen|send)? ?budget|\bnotional\b/gi },
      { label: "equipment services or loans", pattern: /\bequipment (?:service|scheme|library|loan)s?\b|\bloan(?:ed|s)?\b|\bborrow(?:ed)?\b|\brecommended by (?:a|an|the) (?:therapist|occupational|physio|specialist)/gi },
      { label: "examples of equipment or facilities", pattern: /\bwriting slopes?|\bear defenders|\bstanding frames?|\badapted (?:seating|chairs?)|\bspecialist (?:chairs?|seating)|\blaptops?\b|\bchromebooks?|\bsensory (?:tent|room)|\bmagnifiers?|\bradio aids?|\bhoists?\b|\bhygiene (?:rooms?|suites?)|\bcommunication aids?/gi },
      { label: "what was bought last year", signal: "pastResults" },
    ],
    wanted: "how extra support and equipment are funded (for example top-up funding or an equipment service) and examples of what has been provided",
    vagueCues: [{ pattern: /\ballocated according to need\b|\bdesignated budget\b|\bdecides? (?:on|how) (?:the|this) (?:budget|funding)/i, reason: "says resources are \"allocated according to need\" without saying how" }],
    questions: {
      missing: "How do you pay for extra support and specialist equipment for children with SEN?",
      vague: "How is extra support for my child funded, what happens if it costs more than the school can pay, and how would specialist equipment be obtained?",
    },
  },
  {
    id: "K07",
    name: "consulting_parents",
    title: "How the school consults and involves parents",
    legalSource: "SEND Regulations 2014, Schedule 1 para 7; SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /\b(?:consult|involv|partnership|working|work|meeting)\w*[^?]{0,30}\b(?:parents|carers|families|you)\b|\bhow (?:will|can) i (?:be involved|get involved|help)|\bhow will (?:we|you) involve (?:you|me|parents)|\bparents? (?:be |are )?(?:consulted|involved)|\b(?:parents|families)['’]? (?:involvement|partnership|voice)|\bcommunicat\w* with (?:parents|families|you)|\bkeep(?:ing)? (?:you|parents|families|carers) (?:involved|informed|in the loop|up to date)|\bkept (?:in the loop|informed|up to date)/,
    headingExclude: /\bsupport (?:for|to)|\badvice\b|\bcomplain/,
    topic: /\bparents['’]? evenings?\b|\bcoffee (?:mornings?|afternoons?)\b|\bparent (?:send |sen )?(?:forum|workshops?|surgery|drop-in|panel)\b|\bsenc?d?o surgery\b|\bdrop-in\b|\bhome[- ]school (?:book|diary)\b|\bpartnership with (?:parents|families)\b|\bparents (?:are|will be) (?:invited|consulted|involved|kept informed)\b|\byou (?:are|will be) invited to (?:a |an )?(?:meeting|review)\b|\b(?:parents|carers|families)\b[^.]{0,60}\bas (?:equal |true |full )?partners\b/i,
    specifics: [
      { label: "how often parents meet staff", signal: "frequency", weight: 2 },
      { label: "named ways for parents to take part", pattern: /\bparents['’]? evenings?|\bcoffee (?:mornings?|afternoons?)|\b(?:send |sen )?parent (?:forum|workshops?|group)|\bparent (?:send |sen )(?:forum|group|panel)|\bsurgery\b|\bdrop-in\b|\bhome[- ]school (?:book|diary)|\bnewsletter|\bclass app\b|\bphone call|\bworkshops?\b|\breview meetings?\b|\bsupport plan (?:meetings?|reviews?)|\b(?:learning|support|provision) plan reviews?/gi, atLeast: 2, weight: 2 },
      { label: "a way for parents to take part", pattern: /\bcoffee (?:mornings?|afternoons?)|\bparent (?:send |sen )?(?:forum|workshops?)|\bsurgery\b|\bdrop-in\b|\bhome[- ]school (?:book|diary)/gi },
      { label: "timescales", signal: "timescale" },
    ],
    wanted: "fixed meetings with parents and how often they happen, or forums, surgeries or drop-ins",
    vagueCues: [{ pattern: /\bpartnership with (?:parents|families)|\bdoor is always open|\bparents know their child(?:ren)? best/i, reason: "speaks of partnership with parents without saying how or how often parents are involved" }],
    questions: {
      missing: "How will you involve me in decisions about my child's support, and how often will we meet?",
      vague: "How often will we meet to talk about my child's support, and are there other ways for parents to be involved, such as a SENCO surgery or parent forum?",
    },
  },
  {
    id: "K08",
    name: "consulting_pupils",
    title: "How the school consults pupils with SEN and involves them in their education",
    legalSource: "SEND Regulations 2014, Schedule 1 para 8; SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /\b(?:child|pupil|student|young person|children|pupils|students)(?:['’]s|s['’])? (?:own )?(?:views|voice|opinions|wishes)|\b(?:my child|your child|children|pupils|students|young people)\b[^?]{0,20}\b(?:be )?(?:involved|consulted|heard)\b|\b(?:consult|involv|listen)\w*[^?]{0,30}\b(?<!(?:parents|carers|families) of )(?:my child|your child|children|pupils|students|young people)\b|\bhow will my child be (?:involved|heard|consulted)|\bpupil voice|\bstudent voice|\blistening to|\bhearing from (?:my child|your child|children|pupils|students|young people)\b|\bhav(?:e|ing) (?:a|their|his|her) say\b|\bask (?:my child|your child|children|pupils|students)\b[^?]*\b(?:think|views|wants?|feels?)\b/,
    // "How will I be involved in decisions about my child?" asks about the parent (K07).
    headingExclude: /\b(?:i|we|parents|carers|families) (?:be |are |get |will be )?involved\b/,
    topic: /\bpupil voice\b|\bstudent voice\b|\bchild['’]s voice\b|\bone[- ]page profiles?\b|\b(?:pupil|student) (?:passports?|profiles?)\b|\ball about me\b|\b(?:views|wishes|opinions) (?:are|is|will be) (?:gathered|sought|heard|collected|recorded)\b|\b(?:gather|seek|collect|record)\w* (?:their|the child['’]s|pupils['’]|students['’]|children['’]s) (?:views|voice|wishes)\b|\b(?:attend|join|chair|lead) (?:part of |the end of |a segment of )?(?:their|the) (?:own )?(?:annual )?review|\b(?:pupil|student)s? (?:send |sen )?(?:panel|council|parliament)\b|\babout me['’]? (?:page|sheet|form|profile|booklet)\b|\b(?:children|pupils|students|young people)['’]s? (?:own )?(?:views|voices?|opinions|wishes)\b|\btalking mats?\b|\bperson[- ]centred\b/i,
    specifics: [
      {
        label: "named ways of gathering pupils' views",
        pattern: /\bone[- ]page profiles?|\b(?:pupil|student) (?:passports?|profiles?)|\ball about me|\bvoice sheets?|\btalking mats?|\bquestionnaires?|\bsurveys?\b|\b(?:attend|join)\w* (?:part of |the end of |a segment of )?(?:their|the) (?:own )?(?:annual )?review|\bsymbols?\b|\bpictures\b|\bcommunication aids?|\bobjects of reference|\bsigning\b|\bsmiley faces|\bpupil voice (?:meetings?|groups?)|\b(?:gather|collect|record)\w* (?:their|the child['’]s|pupils['’]|students['’]|children['’]s) (?:views|voice|wishes)/gi,
        weight: 2,
      },
      { label: "when views are gathered", pattern: /\bbefore (?:each|every|the|their) (?:review|meeting)|\bat (?:each|every) review|\bevery (?:term|half term)/gi },
      { label: "feedback on how views were used", pattern: /\b(?:tell|show|feedback)\w*[^.]{0,40}\b(?:ideas|views|input)\b[^.]{0,40}\b(?:used|put into|influenced|changed)/gi },
    ],
    wanted: "how pupils' views are gathered (for example one-page profiles, questionnaires or joining their review) and how they are used",
    vagueCues: [{ pattern: /\b(?:value|listen to) (?:the )?(?:views|voice|opinions)|\bencouraged to (?:share|be involved|express)|\bright to express/i, reason: "says pupils' views are valued without saying how they are gathered" }],
    questions: {
      missing: "How will my child be asked about their own support, and how will their views be used?",
      vague: "How do you gather my child's views before reviews (for example a one-page profile or joining the meeting), and how do you show them their views made a difference?",
    },
  },
  {
    id: "K09",
    name: "complaints",
    title: "Arrangements for complaints about SEN provision",
    legalSource: "SEND Regulations 2014, Schedule 1 para 9",
    requirement: "must",
    check: "section",
    headings: /complain|\bunhappy\b|\bnot happy\b|\bdisagree|\bif things go wrong|\b(?:don['’]t|do not|didn['’]t|did not) get (?:it|things) right|\bput(?:ting)? (?:it|things) right|\bnot (?:satisfied|resolved)|\bdispute/,
    topic: /\bcomplain\w*|\b(?:you are|you're|i am|i'm|parents? (?:are|is)|still|remain) (?:unhappy|not happy|dissatisfied|not satisfied)\b|\b(?:unhappy|dissatisfied|not happy) (?:with|about)\b|\bdisagree\w*|\bfirst[- ]tier tribunal\b|\btribunal\b|\bmediation\b|\bescalat\w*|\bif (?:you are |you're )?still (?:concerned|worried|unhappy)\b|\bif the (?:matter|problem|issue|concern) is (?:still )?not (?:sorted|resolved)\b/i,
    specifics: [
      { label: "timescales", signal: "timescale", weight: 2 },
      { label: "routes beyond the school", pattern: /\btribunal\b|\bmediation\b|\bdisagreement resolution\b|\bdepartment for education\b|\bDfE\b|\blocal authority\b|\bcouncil\b|\bombudsman\b|\bESFA\b|\bSENDIASS\b/gi },
      { label: "the people to go to, in order", pattern: /\bclass teacher\b|\bSENC?D?O\b|\bheadteacher\b|\bhead teacher\b|\bprincipal\b|\bgovern(?:ors|ing body|ing board)\b|\bkey worker\b|\bhead of year\b|\btutor\b|\bpanel\b/gi, atLeast: 3 },
      { label: "named people", signal: "namedPerson" },
    ],
    wanted: "the steps to follow, who to go to, timescales, and where to go beyond the school",
    vagueCues: [],
    questions: {
      missing: "What can I do if I am unhappy with my child's SEN support, and who do I go to?",
      vague: "What are the steps of your SEN complaints process, how long does each step take, and where can I go if the school cannot resolve it?",
    },
  },
  {
    id: "K10",
    name: "other_bodies",
    title: "How the school involves health, social care, council and voluntary services",
    legalSource: "SEND Regulations 2014, Schedule 1 para 10; SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    // "Other people you can talk to" lists contacts for concerns (C03), not outside services.
    headings: /\bother (?:professionals|agencies|services|bodies|organisations)|\bother people\b(?! (?:you|to) )|\boutside (?:agencies|professionals|services)|\bexternal (?:agencies|professionals|support|services)|\bwho else|\bwho helps us\b|\bmulti-agency|\bhealth,? (?:and )?(?:social )?care|\bworking with (?:other|health|outside|partners|specialists|professionals|services)|\b(?:services|professionals|agencies|people|organisations|partners|specialists|experts) (?:that |who )?(?:we|the school) work(?:s|ing)? with\b|\bwho (?:else )?(?:we|do we|does the school) work with\b|\b(?:services|people) providing|\bpartner (?:agencies|services)/,
    topic: /\boutside agencies\b|\bexternal (?:agencies|professionals|services)\b|\bmulti[- ]agency\b|\bother professionals\b|\bwork(?:s|ing)? (?:[a-z]+ ){0,3}?(?:with|alongside)\b[^.]{0,80}\b(?:services?|agencies|professionals|therapists|teams?|CAMHS|nursing|psycholog\w*)\b|\b(?:expert|specialist|outside) (?:help|advice|support)\b[^.]{0,30}\bfrom\b|\bask (?:for )?(?:help|advice|support) from\b/i,
    specifics: [
      { label: "named services", signal: "namedService", weight: 2 },
      { label: "several named services", pattern: /\beducational psycholog\w*|\bspeech and language\b|\boccupational therap\w*|\bphysiotherap\w*|\bCAMHS\b|\bMental Health Support Team\b|\bschool nurs\w*|\bEarly Help\b|\bsocial care\b|\bsensory (?:support )?service|\bautism (?:outreach )?(?:team|service)|\bspecialist teach\w* service|\bpaediatric\w*|\bhealth visitor/gi, atLeast: 3 },
      { label: "how referrals are made", pattern: /\bconsent\b|\breferr\w*|\bagreement of parents\b/gi },
      { label: "how often services visit", signal: "frequency" },
    ],
    wanted: "the health, care, council and voluntary services the school works with, named, and how referrals are made",
    vagueCues: [{ pattern: /\b(?:a range of|a number of|various) (?:outside |external )?(?:agencies|professionals|services)|\boutside agencies\b/i, reason: "mentions \"outside agencies\" without naming them" }],
    questions: {
      missing: "Which health, social care and specialist services does the school work with, and how are referrals made?",
      vague: "Which services (for example the educational psychologist, speech and language therapy or CAMHS) do you work with, and how would my child be referred?",
    },
  },
  {
    id: "K11",
    name: "parent_support_services",
    title: "Support services for parents, including the local SENDIASS",
    legalSource: "SEND Regulations 2014, Schedule 1 para 11; Children and Families Act 2014 s32",
    requirement: "must",
    check: "fact",
    headings: /\bsupport (?:for|to) (?:the )?(?:parents|families|me|my family|carers)|\bhelp (?:and|&) advice|\badvice (?:for|and support)|\bindependent advice|\bsendiass|\biass\b|\bwhere (?:can (?:i|parents|you|families)|to|you can) (?:get|find) (?:further |more |extra |independent )?(?:information and |advice and )?(?:help|support|advice)|\b(?:more|extra|further) help for (?:parents|families|carers|you)\b|\bsupport services for (?:the )?parents|\bparent support|\bfamily support|\buseful (?:contacts|links|organisations)|\bsomeone outside (?:the )?school\b|\bhelp me understand\b/,
    topic: /\bSENDIASS\b|\bIASS\b|\bSENDIAS\b|\binformation,? advice and support\b|\bparent partnership\b|\bparent carer forum\b|\b(?:independent|impartial) (?:advice|information)\b|\bIPSEA\b|\bcontact a family\b/i,
    wanted: "the local SENDIASS by name with a phone number, email or web address",
    questions: {
      missing: "Where can I get free, independent advice about SEND, such as from the local SENDIASS?",
      vague: "What is the name and contact number of our local SENDIASS (the free information, advice and support service for SEND)?",
    },
  },
  {
    id: "K12",
    name: "transition_adulthood",
    title: "Support when joining, moving between phases and preparing for adulthood",
    legalSource: "SEND Regulations 2014, Schedule 1 para 12; SEND Code of Practice 6.79",
    requirement: "must",
    check: "section",
    headings: /transition|\bmov(?:e|es|ing) (?:on|up|between|to|school|class|from)|\bjoin(?:s|ing)? (?:or leave|us|the school|school|reception|nursery|year \d+|(?:a |the |our )?(?:new|next) (?:school|class|year))|\bstart(?:s|ing)? (?:school|reception|at|nursery|year)|\bleav(?:e|es|ing)\b|\bchanging (?:class|school)|\bnext (?:school|stage|steps|setting|class)|\bpreparing for adulthood|\badulthood|\bpost-?16|\bcareers|\bfuture\b|\bphases?\b|\blife after\b|\bafter (?:year 11|sixth form|college)\b/,
    topic: /\btransition\w*|\bmov(?:e|es|ing) (?:on|up|to (?:secondary|a new|their next|the next|year)|between)|\bnext (?:school|setting|phase|stage)\b|\bpreparing for adulthood\b|\bpost[- ]16\b|\bcareers?\b|\bindependent living\b|\bsupported internships?\b|\binduction\b|\bstarting (?:school|reception|year 7|nursery)/i,
    specifics: [
      { label: "when each step happens", pattern: /\b(?:in|during|by|before|from) (?:the )?(?:january|february|march|april|may|june|july|august|september|october|november|december|autumn|spring|summer)\b|\b(?:autumn|spring|summer) term\b|\byear (?:[1-9]|1[0-4])\b|\breception\b|\bfirst (?:week|day|half term)\b/gi },
      { label: "extra visits, days or groups", pattern: /\bextra (?:visits?|sessions?|days?|meetings?)|\btransition (?:visits?|days?|groups?|programme|meetings?|books?|evening)|\binduction days?|\btaster days?|\bstay[- ]and[- ]play|\bhome visits?|\bphoto books?|\bvisit(?:s|ed)? (?:to |their |the )?new\b|\barrive \d+ minutes early|\bstart one day before/gi },
      { label: "staff meeting the next school", pattern: /\b(?:SENC?D?Os?|SENDCos?|teachers?|staff)\b[^.]{0,30}\b(?:meets?|visits?|talks? to|contacts?|attends?)\b[^.]{0,60}\b(?:SENC?D?O|SENDCo|school|teacher|staff|review|setting)/gi },
      { label: "preparing for adulthood", pattern: /\bpreparing for adulthood\b|\bcareers?\b|\bpost[- ]16\b|\bcolleges?\b|\bsixth forms?\b|\bemployment\b|\bindependent living\b|\bsupported internships?\b|\bwork experience\b|\btravel training\b|\bapprenticeships?\b/gi },
    ],
    wanted: "the steps when a child joins, changes class or leaves, with when they happen",
    questions: {
      missing: "How will you support my child when they join the school, change class and move on to their next school?",
      vague: "What exactly happens, and when, when my child moves class or school: extra visits, meetings with the next school, and information shared?",
    },
  },
  {
    id: "K13",
    name: "local_offer_location",
    title: "Where the local authority's Local Offer is published",
    legalSource: "SEND Regulations 2014, Schedule 1 para 13; SEND Code of Practice 6.81",
    requirement: "must",
    check: "fact",
    headings: /local offer|\bwhat else is (?:out there|available)\b/,
    topic: /\blocal offer\b/i,
    wanted: "the council's Local Offer with its web address",
    questions: {
      missing: "Where can I find the council's Local Offer of SEND services?",
      vague: "What is the web address of the council's Local Offer?",
    },
  },
  {
    id: "E01",
    name: "admission_disabled",
    title: "Arrangements for the admission of disabled pupils",
    legalSource: "Children and Families Act 2014 s69(3)(b)(i)",
    requirement: "must",
    check: "section",
    headings: /admission|\badmitted\b|\badmit\b|\bapplying for a place|\bapplications?\b|\bjoining (?:us|the school|our school)\b|\bget a place\b|\bhow do (?:pupils|children|students|young people) (?:come to|get (?:a place|into)|start at)\b/,
    broadHeadings: DISABLED_PUPILS,
    headingExclude: /special educational needs|\bsend\b/,
    topic: /\badmission\w*|\badmitted\b|\badmit\b|\bapply(?:ing)? for a place\b|\boversubscription\b|\bnam(?:e|es|ed|ing) (?:the|our) (?:school|academy|college) in\b|\bplaces? (?:at|in)\b[^.]{0,40}\b(?:allocated|agreed|offered|named)\b|\bvisit\w*\b[^.]{0,30}\bbefore (?:they|you) apply|\bbefore applying\b|\bapplications? from (?:disabled )?(?:children|pupils|students|families|parents)\b/i,
    specifics: [
      { label: "the same admission criteria as other pupils", pattern: /\bsame (?:way|basis|criteria|admissions?(?: criteria| arrangements)?|as (?:any|all) other)|\btreat all applicants equally|\boversubscription criteria|\bcannot (?:be )?refuse|\bnot refuse/gi, weight: 2 },
      { label: "how a school is named in an EHC plan", pattern: /\b(?:names?|naming|named) (?:the|our) (?:school|academy|college)|\bconsults? (?:us|the school|the academy|the college)|\bwe are consulted\b|\bplacement team|\b(?:allocated|agreed|decided) by\b|\bthrough the EHC ?P? process|\bSEND panel\b/gi, weight: 2 },
      { label: "visits before applying", pattern: /\bvisit\w*[^.]{0,30}\bbefore (?:applying|they apply|you apply)|\bmeet\w*[^.]{0,30}\bbefore (?:they|you) apply|\bbefore applying/gi },
    ],
    wanted: "how disabled pupils are admitted (the criteria used, how places are named in EHC plans, visits before applying)",
    vagueCues: [{ pattern: /\bshould parents wish\b/i, reason: "says disabled pupils are welcome without describing the admission process" }],
    questions: {
      missing: "How are disabled children admitted to the school, and can we visit before applying?",
      vague: "What admission criteria apply to disabled children, and how does the process work if my child has an EHC plan?",
    },
  },
  {
    id: "E02",
    name: "less_favourable_treatment",
    title: "Steps to prevent disabled pupils being treated less favourably",
    legalSource: "Children and Families Act 2014 s69(3)(b)(ii); Equality Act 2010",
    requirement: "must",
    check: "section",
    headings: /less favourabl|\bequality\b|\bequal (?:treatment|opportunit)|\bdiscriminat|\bfair(?:ly|ness| treatment)/,
    broadHeadings: DISABLED_PUPILS,
    headingExclude: /special educational needs|\bsend\b/,
    topic: /\bless favourabl\w*|\bequality act\b|\bdiscriminat\w*|\bequality of opportunity\b|\b(?:not|never) (?:be )?disadvantaged\b|\bauxiliary aids\b|\btreated (?:fairly|equally)\b|\b(?:left out|excluded|missing out)\b[^.]{0,30}\bbecause of (?:a|their|his|her|any) disabilit\w*|\bequal(?:ity)? (?:training|treatment)\b|\bequality (?:and [\w ]+ )?training\b|\b(?:attendance|exclusions?|suspensions?|participation)\b[^.]{0,60}\bdisabled\b|\bdisabled (?:pupils|students|children)['’]? (?:attendance|exclusions?|suspensions?|participation)/i,
    specifics: [
      { label: "equality or disability training for staff", pattern: /\b(?:equality|disability)(?: and [\w ]{1,30})? (?:awareness )?training|\btraining\b[^.]{0,30}\b(?:equality|disability)/gi, weight: 2 },
      { label: "figures on disabled pupils' outcomes", signal: "quantity", weight: 2 },
      { label: "monitoring of disabled pupils' attendance, exclusions or participation", pattern: /\b(?:check|monitor|track|review|analys)\w*\b[^.]{0,60}\b(?:attendance|exclusions?|participation|outcomes)\b/gi, weight: 2 },
      { label: "specific steps", pattern: /\brisk assessments?\b[^.]{0,60}\b(?:adjustments|include)|\bauxiliary aids\b[^.]{0,60}\b(?:such as|including|provided)|\b(?:we|staff) (?:check|make sure)\b[^.]{0,40}\b(?:trips|clubs|activities)/gi },
      { label: "how often", signal: "frequency" },
    ],
    wanted: "the concrete steps taken (training, monitoring, adjustments) rather than a restatement of the duty",
    questions: {
      missing: "What steps does the school take so that disabled children are not treated less favourably than others?",
      vague: "What concrete steps do you take so disabled children are not treated less favourably, for example staff training or checking their attendance and exclusions?",
    },
  },
  {
    id: "E03",
    name: "access_facilities",
    title: "Facilities to help disabled pupils access the school",
    legalSource: "Children and Families Act 2014 s69(3)(b)(iii)",
    requirement: "must",
    check: "section",
    headings: /\baccessib(?:le|ility)\b(?!\s+(?:plan|strategy|statement|policy))|\baccess (?:to|for|around) (?:the )?(?:school|building|site|premises|classrooms?)|^access$|\bphysical access|(?:,|\band) access\b(?! arrangements)|^access(?:,| and)|\bthe building|\b(?:our|the|school) buildings\b|^(?:our )?buildings?$|\bpremises|\bdisabled (?:access|facilities)|\bfacilities\b[^?]*\baccess|\bget around\b|\bwheelchairs?\b/,
    broadHeadings: DISABLED_PUPILS,
    headingExclude: /special educational needs|\bsend\b|access arrangements/,
    topic: /\bwheelchair\b|\bstep[- ]free\b|\bramp(?:s|ed)?\b|\baccessible (?:toilet|entrance|parking|changing|shower)|\bhygiene (?:room|suite)\b|\bchanging (?:bench|places|room)\b|\bhoists?\b|\bhearing loops?\b|\bdisabled (?:toilet|parking|access)\b|\bhandrails?\b|\b(?:single|one) (?:level|storey)\b|\bfully accessible\b|\baccessible (?:to|for) (?:all|pupils|students|children|disabled|wheelchair|everyone)|\b(?:reasonable|physical) access\b|\baccess (?:to|around) the (?:building|site|school)\b|\b(?:buildings?|site|premises)\b[^.]{0,40}\b(?:on (?:one|two|three|several|different) (?:levels?|floors?|storeys?)|stairs|narrow)\b|\b(?:occupies|housed in) (?:a|an|the)\b[^.]{0,40}\b(?:house|building|block|site)\b/i,
    specifics: [
      { label: "named facilities", pattern: FACILITIES, atLeast: 2, weight: 2 },
      { label: "a named facility", pattern: FACILITIES },
    ],
    wanted: "the facilities that help disabled pupils get around and use the school (step-free access, lifts, accessible toilets, hearing loops)",
    vagueCues: [{ pattern: /\bfully accessible\b|\baccessible to (?:all|everyone)\b|\breasonable access\b/i, reason: "says the school is accessible without listing any facilities" }],
    questions: {
      missing: "What facilities does the school have for disabled pupils, such as step-free access, lifts or accessible toilets?",
      vague: "Which parts of the building are step-free, and what facilities (lifts, accessible toilets, hearing loops) are there? Are any areas not accessible?",
    },
  },
  {
    id: "E04",
    name: "accessibility_plan",
    title: "The school's accessibility plan",
    legalSource: "Children and Families Act 2014 s69(3)(b)(iv); Equality Act 2010 Schedule 10 para 3",
    requirement: "must",
    check: "fact",
    headings: /accessibility (?:plan|strategy)/,
    topic: /\baccessibility (?:plan|strategy)\b/i,
    wanted: "a current, dated accessibility plan with where to find it",
    questions: {
      missing: "Where can I read the school's accessibility plan, and what is it doing this year?",
      vague: "Where can I read the current accessibility plan, which years does it cover, and what actions is the school taking this year?",
    },
  },
  {
    id: "C01",
    name: "looked_after_children",
    title: "Looked-after children with SEN",
    legalSource: "SEND Code of Practice 6.80",
    requirement: "should",
    check: "fact",
    headings: /looked[- ]after|\bchildren in care|\blac\b|\bdesignated teacher|\bpreviously looked|\bin care\b/,
    topic: /\blooked[- ]after\b|\bchildren in care\b|\bdesignated teacher\b|\bpersonal education plans?\b|\bPEPs?\b|\bvirtual school\b/i,
    wanted: "the Designated Teacher and how their work joins up with SEN support (Personal Education Plans, the Virtual School)",
    questions: {
      missing: "How do you support looked-after children with SEN, and who is the Designated Teacher?",
      vague: "How does the Designated Teacher work with the SENCO so that a looked-after child's Personal Education Plan and SEN support fit together?",
    },
  },
  {
    id: "C02",
    name: "contribution_to_local_offer",
    title: "The school's contribution to the Local Offer",
    legalSource: "SEND Code of Practice 6.81",
    requirement: "should",
    check: "fact",
    topic: /\bcontribut\w*\b[^.]{0,60}\blocal offer\b|\blocal offer\b[^.]{0,60}\bcontribut\w*|\bschool(?:['’]s|s['’])? (?:local )?offer\b|\bour (?:sen(?:d)? |school )(?:local )?offer\b|\bour local offer\b/i,
    wanted: "a statement that this report is the school's contribution to the council's Local Offer",
    questions: {
      missing: "Is this report the school's contribution to the council's Local Offer, and is the school listed there?",
      vague: "Is the school's information included in the council's Local Offer, and how does this report relate to it?",
    },
  },
  {
    id: "C03",
    name: "named_contacts_and_policy",
    title: "Named contacts for concerns, and the SEN policy",
    legalSource: "SEND Code of Practice 6.81",
    requirement: "should",
    check: "fact",
    headings: /\bcontacts?\b|\bwho (?:can|should|do) i (?:talk|speak|contact|go)|\bconcerns?\b|\bworried\b|\bworries\b|\bsen(?:d)? policy\b/,
    topic: /\b(?:sen(?:d)?|special educational needs(?: and disabilit(?:y|ies))?) policy\b|\bpolicy and information report\b|\b(?:speak|talk|contact|go) (?:to|with)\b[^.]{0,60}\b(?:class teacher|SENC?D?O|SENDCo|head(?:teacher)?|principal|governor|tutor|head of year|key worker)/i,
    wanted: "named people to contact with concerns and where to find the SEN policy",
    questions: {
      missing: "Who should I speak to first if I am worried about my child, and where can I read the SEN policy?",
      vague: "Who exactly should I contact with a concern (names and roles), and where is the SEN policy published?",
    },
  },
  {
    id: "C04",
    name: "plain_language",
    title: "Written in plain language for parents",
    legalSource: "SEND Code of Practice 6.81",
    requirement: "should",
    check: "document",
    headings: /glossary|words we use|jargon|abbreviations|acronyms|key terms|terms we use|what (?:do )?(?:these|the|some) (?:words|terms)|useful words|explanation of terms|definitions/,
    wanted: "explanations of acronyms and terms (or a glossary), or other formats and languages",
    questions: {
      missing: "Is there a plain-language version of this report, or a glossary of the terms it uses?",
      vague: "Could you explain the terms and abbreviations in the report (for example EHCP, SENCO, ELSA), or give a glossary or another format?",
    },
  },
  {
    id: "D01",
    name: "dated_and_current",
    title: "Dated and current",
    legalSource: "SEND Code of Practice 6.79 (published and updated every year)",
    requirement: "should",
    check: "document",
    wanted: "a publication date within the last year, or a review date that has not passed",
    questions: {
      missing: "When was this report written, and when will it next be reviewed?",
      vague: "This report looks out of date: when will an updated report for this school year be published?",
    },
  },
  {
    id: "D02",
    name: "governance_and_coproduction",
    title: "Approved by governors and written with parents and pupils",
    legalSource: "Council guidance; The Key for governors",
    requirement: "good",
    check: "document",
    topic: /\b(?:approv|ratif|agree|adopt|sign)\w*\b[^.]{0,80}\b(?:govern\w*|trust board|board of (?:trustees|directors)|local (?:academy|governing) (?:committee|body|board)|management committee|proprietor)|\b(?:govern\w*|local academy committee|management committee)\b[^.]{0,60}\b(?:approv|ratif|review|agree|shared|sign)\w*|\bdate approved\b|\bco-?produc\w*|\b(?:parents?|carers?|pupils?|students?|families|parent (?:carer )?forum)\b[^.]{0,80}\b(?:read|commented|helped|contributed|consulted|reviewed|shaped|wrote)\b[^.]{0,40}\b(?:this report|the report|it|this information|this page|draft)/i,
    wanted: "approval by the governing board with a date, or how parents and pupils helped write the report",
    questions: {
      missing: "Have the governors approved this report, and were parents and pupils involved in writing it?",
      vague: "When did the governing board approve this report, and how were parents and pupils involved in it?",
    },
  },
  {
    id: "D03",
    name: "sir_not_just_policy",
    title: "An account of what the school does, not only a policy",
    legalSource: "Council guidance (Hackney, Somerset, Norfolk)",
    requirement: "good",
    check: "document",
    wanted: "facts about what this school provides and did, rather than aims, duties and definitions",
    questions: {
      missing: "Can you share an account of what the school actually provides for pupils with SEN, rather than the policy?",
      vague: "Much of the report describes aims and duties: what did the school actually provide for pupils with SEN last year, and what did it find?",
    },
  },
];

export const RUBRIC_BY_ID = new Map<ItemId, RubricItem>(RUBRIC.map((item) => [item.id, item]));

/**
 * The vocabulary of the items judged by a rule of their own in items.ts (`fact` and
 * `document` items), keyed by item id.
 */
const BOARD = "(?:govern\\w*|trust(?:ees| board)|board of (?:trustees|directors)|(?:local )?(?:academy|governing) (?:committee|body|board|council)|management committee|proprietors?|directors)";
/** The trust as a body that approves ("approved by the Trust"); "the Trust's charter" is not about approval. */
const BY_TRUST = "\\b(?:approv|ratif|review|shar|agree|sign|seen|adopt)\\w* by (?:the |our )?trust\\b";
const DESIGNATED_TEACHER = /\bdesignated teacher\b/i;

export const FACT_CUES = {
  K04: {
    /** Mailboxes and lines that reach the office, not the person. */
    officeEmail: /^(?:office|admin|info|enquiries|enquiry|reception|contact|school|mail|head|headteacher|clerk)[\w.-]*@/i,
    officeRoute: /\b(?:school )?office\b|\breception\b|\bswitchboard\b|\bmain (?:school )?(?:number|line)\b|\bclerk\b|\band ask (?:for|to (?:speak|talk) (?:to|with))\b/i,
    booking: /\bbook(?:ed|ing)? (?:an? )?(?:appointment|meeting|slot|call)\b[^.]{0,40}\b(?:online|via|through|using|by)\b(?![^.]{0,30}\boffice\b)/i,
    /** A name given after the role; the name (group 1) is what a staff list repeats. */
    nameAfterRole: /\b(?:SENC?D?O|SENDCo|SENCo|co-?ordinator|inclusion (?:manager|lead|leader))\b\s*(?:is|:|,|-|–)?\s*(?:Mr|Mrs|Ms|Miss|Dr|Mx)?\.?\s*([A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)/,
    alsoHead: /\b(?:head ?teacher|head of school|principal)\b[^.]{0,30}\b(?:and|also|as well as)\b[^.]{0,20}\bSENC?D?O|\bSENC?D?O\b[^.]{0,30}\b(?:and|also|as well as)\b[^.]{0,20}\b(?:head ?teacher|head of school|principal)\b/i,
    danglingContact: /\bcontacted (?:at|on|via|by)\s*[.:]?\s*$/i,
  },
  K11: {
    ias: /\bSENDIASS\b|\bSENDIAS\b|\bIASS\b|\binformation,? advice and support(?: service)?\b/i,
    namedIas: /\b(?!The\b|Our\b|Your\b|Local\b|A\b)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\s+(?:SENDIASS|SENDIAS|IASS|Information,? Advice and Support)/,
    supersededIas: /\bParent Partnership\b/i,
  },
  K13: {
    schoolOffer: /\bschool(?:['’]s|s['’])? (?:local )?offer\b|\bour (?:sen(?:d)? )?(?:school )?local offer\b/i,
  },
  E04: {
    yearRange: /\b((?:19|20)\d{2})\s*(?:[-–/]|to)\s*((?:19|20)?\d{2})\b/,
    onRequest: /\bon request\b|\bfrom the (?:school )?office\b|\bask (?:the|at) (?:school )?office\b/i,
  },
  C01: {
    designatedTeacher: DESIGNATED_TEACHER,
    /** What an answer on looked-after children gives; a concrete one (true) goes beyond the role's legal description. */
    lacFeatures: <ReadonlyArray<readonly [string, RegExp, boolean]>>[
      ["a Designated Teacher", DESIGNATED_TEACHER, false],
      // The abbreviation in capitals only: "pep" is a word.
      ["Personal Education Plans", /\b[Pp]ersonal [Ee]ducation [Pp]lans?\b|\bPEPs?\b/, true],
      ["the Virtual School", /\bvirtual school\b/i, true],
      ["how the Designated Teacher and SENCO work together", /\b(?:SENC?D?O|SENDCo|SEN support|EHC ?P?|support plan|learning plan)\b[^.]*\b(?:PEP|personal education plan|designated teacher)|\b(?:PEP|personal education plan|designated teacher)\b[^.]*\b(?:SENC?D?O|SENDCo|SEN support|EHC ?P?|support plan|learning plan)\b/i, false],
    ],
  },
  C02: {
    contribution: /\bcontribut\w*\b[^.]{0,60}\blocal offer\b|\blocal offer\b[^.]{0,60}\bcontribut\w*/i,
  },
  C03: {
    contactRole: /\b(?:SENC?D?O|SENDCo|SENCo|head ?teacher|principal|head of (?:school|year)|governor|class teacher|teacher|tutor|key worker|deputy|assistant head|inclusion (?:lead|manager))\b/i,
    policy: /\b(?:sen(?:d)?|special educational needs(?: and disabilit(?:y|ies))?)\b[^.]{0,30}\bpolic(?:y|ies)\b/i,
    policyLocation: /\bwebsite\b|\bpolicies page\b|\bpolicies section\b|\bon (?:our|the) (?:policies|school|trust)\b|\bonline\b|\bcan be found\b|\bdownload|\bhttps?:\/\/|\bwww\.|\blink\b|\bbelow\b|\babove\b/i,
    combinedPolicy: /\bpolicy and (?:sen(?:d)? )?information report\b|\binformation report and (?:sen(?:d)? )?policy\b/i,
  },
  C04: {
    glossaryEntry: /^[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,3}\s*(?::|[–—]|\s-\s|=)\s*\S/,
    languages: /\b(?:in|into) (?:[A-Z][a-z]+,? (?:and |or )?)*(?:Polish|Urdu|Romanian|Bengali|Punjabi|Arabic|Somali|Portuguese|Spanish|French|Lithuanian|Gujarati|Turkish|Chinese|Mandarin|Cantonese|Tamil|Welsh|Ukrainian|Pashto|Farsi|Dari|Tigrinya|Kurdish|Albanian|Hungarian|Slovak|Czech|Bulgarian|Russian|Italian|Hindi|Latvian|Greek|Yoruba|Twi|Swahili)\b/,
    otherFormats: /\blarge[- ]print\b|\blarger (?:print|text|font)\b|\b(?:in|into) another language\b|\beasy[- ]read\b|\btranslat\w+ (?:summary|version|copy|copies|into)|\b(?:other|different) languages\b|\baudio (?:version|format|recording)\b|\bbraille\b|\bsymbol(?:s|-supported)? (?:version|format)\b|\b(?:other|alternative|different|accessible) formats?\b|\bread (?:it )?(?:aloud|to you)\b|\bBritish Sign Language\b|\bBSL\b|\binterpreters?\b/i,
    /** Common expansions, so an acronym whose full form the report uses counts as explained (global: each use is checked; see spelledOut). */
    expansions: <Readonly<Record<string, RegExp>>>{
      SEN: /special educational needs?/gi,
      SEND: /special educational needs? (?:and|or|&) disabilit/gi,
      SENCO: /special educational needs? (?:(?:and|or|&) disabilit(?:y|ies) )?co-?ordinator/gi,
      SENDCO: /special educational needs? (?:and|or|&) disabilit(?:y|ies) co-?ordinator/gi,
      EHCP: /education,? health and care plan/gi,
      EHC: /education,? health and care/gi,
      ELSA: /emotional literacy support assistant/gi,
      CAMHS: /child(?:ren)? and adolescent mental health/gi,
      SALT: /speech and language therap/gi,
      SLCN: /speech,? language and communication need/gi,
      SEMH: /social,? emotional and mental health/gi,
      ASC: /autis(?:m|tic) spectrum condition/gi,
      ASD: /autis(?:m|tic) spectrum disorder/gi,
      ADHD: /attention deficit/gi,
      PEP: /personal education plan/gi,
      SENDIASS: /information,? advice and support/gi,
      TA: /teaching assistant/gi,
      LSA: /learning support assistant/gi,
      EP: /educational psycholog/gi,
      OT: /occupational therap/gi,
      CPD: /(?:continuing|continuous) professional development/gi,
      MAT: /multi-?academy trust/gi,
    },
    notAcronyms: new Set(["UK", "OK", "PE", "TV", "IT", "ICT", "AM", "PM", "II", "III", "IV", "VI", "GCSE", "GCSES", "NHS", "DFE", "SATS", "URN", "PDF"]),
  },
  D02: {
    /** Another document's approval ("Our Accessibility Plan was approved by governors"), unless the report is named too. */
    otherDocument: /\b(?:accessibility plan|(?:complaints|behaviour|admissions|anti-bullying|safeguarding|charging|equality|send?) polic(?:y|ies))\b(?![^.]{0,80}\b(?:this|the|our) (?:information )?report\b)/i,
    /** Words every governance or co-production sentence has one of. */
    prefilter: /govern|board|trust|committee|council|proprietor|director|co-?produc|forum|comment|helped|contribut|consult|shaped|wrote|written|seen and discussed|date approved|date agreed|date ratified|date adopted/i,
    approval: new RegExp(`\\b(?:approv|ratif|adopt|agree|sign)\\w*\\b[^.]{0,80}\\b${BOARD}\\b|\\b${BOARD}\\b[^.]{0,60}\\b(?:approv|ratif|adopt|agree|sign)\\w*|(?=\\b(?:approv|ratif|adopt|agree|sign))${BY_TRUST}|^(?:approved|ratified|adopted|agreed|signed off) by\\b[^.]{0,80}\\b(?:board|committee|council|trustees|governors|proprietor)\\b`, "i"),
    dateApproved: /\bdate (?:approved|agreed|ratified|adopted)\b/i,
    coproduction: /\bco-?produc\w*|\b(?:parents?|carers?|pupils?|students?|families|parent (?:carer )?forum)\b[^.]{0,80}\b(?:read|commented|helped|contributed|consulted|shaped|wrote|seen and discussed)\b[^.]{0,60}\b(?:this report|the report|it|this information|this page|draft|report)\b|\b(?:report|information|it)\b[^.]{0,30}\b(?:written|produced|developed|created|designed|shaped)\b[^.]{0,20}\b(?:with|together with|alongside)\b[^.]{0,40}\b(?:parents?|carers?|famil(?:y|ies)|pupils?|students?|children|young people|forum|panel|council|parliament)\b/i,
    aboutReport: /^(?:last |date )?(?:reviewed|approved|agreed|ratified|adopted|signed(?: off)?)\b[^.]{0,10}\bby\b|\b(?:this|the) (?:report|information|document|policy|page)\b|\binformation report\b|\breport (?:is|was)\b/i,
    seenByBoard: new RegExp(`\\b(?:approv|ratif|review|shar|agree|sign|seen|present|adopt)\\w*\\b[^.]{0,60}\\b${BOARD}\\b|\\b${BOARD}\\b[^.]{0,60}\\b(?:approv|ratif|review|shar|agree|sign|seen|adopt)\\w*|${BY_TRUST}`, "i"),
  },
  D03: {
    policyHeadings: /^(?:aims?|objectives|legislation(?: and guidance)?|definitions|roles and responsibilities|monitoring arrangements|links with other policies|purpose|statutory (?:framework|guidance))\b/i,
  },
} as const;
