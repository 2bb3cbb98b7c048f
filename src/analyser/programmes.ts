/**
 * The programme lexicon: real, published interventions, programmes, assessments and staff
 * training courses that English schools name in SEN Information Reports. A name found here
 * is what turns "a range of interventions" into a specific answer (rubric signal V3).
 *
 * Names are facts; nothing here is copied from a report. Most names match case-insensitively;
 * names that are also ordinary words ("Thrive", "Fresh Start", "Rainbows") carry a
 * case-sensitive pattern so "children thrive" or "a fresh start" do not count.
 */
import { eachWordPrefix, prefixIds } from "./word-index";

export type ProgrammeCategory =
  | "literacy"
  | "numeracy"
  | "language"
  | "social_emotional"
  | "motor_sensory"
  | "communication_access"
  | "assessment"
  | "training";

export interface Programme {
  name: string;
  category: ProgrammeCategory;
  /** Source of a regular expression; defaults to the name, case-insensitive, on word boundaries. */
  pattern?: string;
  /** Match the pattern with case as written. */
  caseSensitive?: boolean;
}

export const PROGRAMMES: readonly Programme[] = [
  // Reading, spelling and phonics
  { name: "Read Write Inc.", category: "literacy", pattern: "Read,? Write,? Inc\\.?|RWI" },
  { name: "Fresh Start", category: "literacy", pattern: "Fresh Start", caseSensitive: true },
  { name: "Toe by Toe", category: "literacy" },
  { name: "Nessy", category: "literacy", pattern: "Nessy( Reading and Spelling| Fingers)?" },
  { name: "Lexia", category: "literacy", pattern: "Lexia( Core ?5| PowerUp( Literacy)?)?" },
  { name: "Precision Teaching", category: "literacy" },
  { name: "Reading Recovery", category: "literacy" },
  { name: "Switch-on Reading", category: "literacy", pattern: "Switch[- ]on (Reading|Literacy)" },
  { name: "Units of Sound", category: "literacy" },
  { name: "Wordshark", category: "literacy" },
  { name: "IDL Literacy", category: "literacy", pattern: "IDL( Literacy| Numeracy)?", caseSensitive: true },
  { name: "Beat Dyslexia", category: "literacy" },
  { name: "Dyslexia Gold", category: "literacy" },
  { name: "Hornet Literacy Primer", category: "literacy", pattern: "Hornet( Literacy Primer)?", caseSensitive: true },
  { name: "Word Wasp", category: "literacy" },
  { name: "Dancing Bears", category: "literacy" },
  { name: "Rapid Phonics", category: "literacy", pattern: "Rapid (Phonics|Reading|Plus)" },
  { name: "Phonics Catch-up", category: "literacy", pattern: "Catch ?Up (Literacy|Numeracy)|Phonics Catch[- ]?up", caseSensitive: true },
  { name: "Little Wandle", category: "literacy", pattern: "Little Wandle( Letters and Sounds)?( Rapid Catch[- ]?up)?" },
  { name: "Jolly Phonics", category: "literacy" },
  { name: "Sound Discovery", category: "literacy" },
  { name: "Better Reading Partnership", category: "literacy" },
  { name: "Project X CODE", category: "literacy", pattern: "Project X( CODE)?", caseSensitive: true },
  { name: "Accelerated Reader", category: "literacy" },
  { name: "Stareway to Spelling", category: "literacy" },
  { name: "Apples and Pears", category: "literacy", pattern: "Apples and Pears", caseSensitive: true },
  { name: "Reciprocal Reading", category: "literacy" },
  { name: "Inference Training", category: "literacy" },
  { name: "Fischer Family Trust Wave 3", category: "literacy", pattern: "FFT (Wave 3|Lightning Squad|Tutoring)|Fischer Family Trust" },
  // Mathematics
  { name: "Numicon", category: "numeracy" },
  { name: "Plus 1", category: "numeracy", pattern: "Plus ?1|Power of 2|Power of 1", caseSensitive: true },
  { name: "1st Class@Number", category: "numeracy", pattern: "1st Class ?@ ?Number|First Class at Number" },
  { name: "Success@Arithmetic", category: "numeracy", pattern: "Success ?@ ?Arithmetic" },
  { name: "Numbers Count", category: "numeracy", pattern: "Numbers Count", caseSensitive: true },
  { name: "Dynamo Maths", category: "numeracy" },
  { name: "Mastering Number", category: "numeracy", pattern: "Mastering Number", caseSensitive: true },
  { name: "Third Space Learning", category: "numeracy" },
  { name: "Maths Recovery", category: "numeracy", pattern: "Maths Recovery|Mathematics Recovery" },
  { name: "Stile maths", category: "numeracy", pattern: "Stile (trays?|maths)" },
  // Speech, language and communication
  { name: "NELI", category: "language", pattern: "NELI|Nuffield Early Language Intervention" },
  { name: "WellComm", category: "language" },
  { name: "Talk Boost", category: "language" },
  { name: "Colourful Semantics", category: "language" },
  { name: "Elklan", category: "language", pattern: "Elklan( Language Builders| training)?" },
  { name: "Language Link", category: "language" },
  { name: "Speech Link", category: "language" },
  { name: "Talkabout", category: "language" },
  { name: "Blank's levels", category: "language", pattern: "Blank['’]?s?( language)? (levels|questions)" },
  { name: "Word Aware", category: "language" },
  { name: "Shape Coding", category: "language" },
  { name: "Language for Thinking", category: "language" },
  { name: "Socially Speaking", category: "language" },
  { name: "Time to Talk", category: "language", pattern: "Time to Talk", caseSensitive: true },
  { name: "Lego-based therapy", category: "language", pattern: "Lego[- ]?(based )?(therapy|club|group)|LEGO[- ]?(based )?therapy" },
  { name: "Attention Autism", category: "communication_access" },
  { name: "Intensive Interaction", category: "communication_access" },
  { name: "Makaton", category: "communication_access" },
  { name: "PECS", category: "communication_access", pattern: "PECS|Picture Exchange Communication System" , caseSensitive: true },
  { name: "Social Stories", category: "communication_access", pattern: "Social Stor(y|ies)" },
  { name: "Comic Strip Conversations", category: "communication_access" },
  { name: "TEACCH", category: "communication_access", caseSensitive: true },
  { name: "SCERTS", category: "communication_access", caseSensitive: true },
  { name: "Sign-along", category: "communication_access", pattern: "Sign[- ]?along" },
  { name: "Clicker", category: "communication_access", pattern: "Clicker ?\\d*", caseSensitive: true },
  // Social, emotional and mental health
  { name: "ELSA", category: "social_emotional", pattern: "ELSA|Emotional Literacy Support Assistant", caseSensitive: true },
  { name: "Thrive", category: "social_emotional", pattern: "Thrive( Approach| approach| programme| Practitioner| practitioner| sessions?| Online| assessment)|the Thrive\\b", caseSensitive: true },
  { name: "Zones of Regulation", category: "social_emotional" },
  { name: "Drawing and Talking", category: "social_emotional", pattern: "Drawing and Talking|Draw and Talk" },
  { name: "Nurture group", category: "social_emotional", pattern: "nurture (group|club|room|provision)s?" },
  { name: "Protective Behaviours", category: "social_emotional" },
  { name: "FRIENDS Resilience", category: "social_emotional", pattern: "FRIENDS (Resilience|for Life|programme)|Fun FRIENDS", caseSensitive: true },
  { name: "Emotion Coaching", category: "social_emotional" },
  { name: "Kooth", category: "social_emotional" },
  { name: "Place2Be", category: "social_emotional" },
  { name: "Relax Kids", category: "social_emotional" },
  { name: "Decider Skills", category: "social_emotional", pattern: "(The )?Decider( Skills| Life Skills)" },
  { name: "Seasons for Growth", category: "social_emotional" },
  { name: "Rainbows", category: "social_emotional", pattern: "Rainbows (bereavement|grief)", caseSensitive: false },
  { name: "Circle of Friends", category: "social_emotional", pattern: "Circle of Friends", caseSensitive: true },
  { name: "Incredible Years", category: "social_emotional" },
  { name: "PATHS", category: "social_emotional", pattern: "PATHS( programme| curriculum)?", caseSensitive: true },
  { name: "Theraplay", category: "social_emotional" },
  { name: "Forest School", category: "social_emotional" },
  { name: "Anti-Bullying Ambassadors", category: "social_emotional" },
  { name: "Positive Behaviour Support", category: "social_emotional", pattern: "Positive Behaviour(al)? Support( plan)?|PBS plan" },
  { name: "Mental Health Support Team", category: "social_emotional", pattern: "Mental Health Support Team|MHST" },
  // Motor skills and sensory
  { name: "Sensory circuits", category: "motor_sensory" },
  { name: "Write from the Start", category: "motor_sensory" },
  { name: "Fizzy programme", category: "motor_sensory", pattern: "Fizzy( programme)?", caseSensitive: true },
  { name: "Jump Ahead", category: "motor_sensory" },
  { name: "BEAM", category: "motor_sensory", pattern: "BEAM( programme)?", caseSensitive: true },
  { name: "Speed Up!", category: "motor_sensory", pattern: "Speed Up!?( handwriting)?", caseSensitive: true },
  { name: "Smart Moves", category: "motor_sensory" },
  { name: "Dough Disco", category: "motor_sensory" },
  { name: "Funky Fingers", category: "motor_sensory" },
  { name: "Teodorescu Perceptuo-Motor Programme", category: "motor_sensory", pattern: "Teodorescu" },
  { name: "Rebound therapy", category: "motor_sensory" },
  { name: "Hydrotherapy", category: "motor_sensory" },
  // Standardised assessments and screeners
  { name: "New Group Reading Test", category: "assessment", pattern: "New Group Reading Test|NGRT" },
  { name: "CAT4", category: "assessment", pattern: "CAT ?4|Cognitive Abilities Test" },
  { name: "YARC", category: "assessment", pattern: "YARC|York Assessment of Reading for Comprehension" },
  { name: "British Picture Vocabulary Scale", category: "assessment", pattern: "BPVS|British Picture Vocabulary Scale" },
  { name: "Sandwell Early Numeracy Test", category: "assessment", pattern: "Sandwell( Early Numeracy Test)?", caseSensitive: true },
  { name: "Lucid Exact", category: "assessment", pattern: "Lucid (Exact|Rapid|CoPS|LASS|Recall)|LASS|CoPS", caseSensitive: true },
  { name: "Dyslexia Portfolio", category: "assessment" },
  { name: "Dyslexia Screening Test", category: "assessment", pattern: "Dyslexia Screening Test|DST-J|DST-S" },
  { name: "WRAT", category: "assessment", pattern: "WRAT ?\\d?|Wide Range Achievement Test", caseSensitive: true },
  { name: "WIAT", category: "assessment", pattern: "WIAT|Wechsler Individual Achievement Test" },
  { name: "Boxall Profile", category: "assessment", pattern: "Boxall( Profile)?" },
  { name: "Strengths and Difficulties Questionnaire", category: "assessment", pattern: "SDQs?|Strengths and Difficulties Questionnaire", caseSensitive: true },
  { name: "Phonics Screening Check", category: "assessment", pattern: "phonics screening check" },
  { name: "LanguageScreen", category: "assessment" },
  // Early years
  { name: "Progress Check at Age Two", category: "assessment", pattern: "progress check at (age )?(two|2)|(two|2)[- ]year[- ]old progress check" },
  { name: "Reception Baseline Assessment", category: "assessment" },
  { name: "EYFS Profile", category: "assessment", pattern: "EYFS ?Profile|Early Years Foundation Stage Profile|EYFSP" },
  { name: "Ages and Stages Questionnaire", category: "assessment", pattern: "Ages and Stages Questionnaires?|ASQ(-3|:SE-2)?" },
  { name: "Early Language Identification Measure", category: "assessment", pattern: "Early Language Identification Measure|ELIM" },
  { name: "Single Word Spelling Test", category: "assessment", pattern: "(GL )?Single Word Spelling Test|SWST" },
  { name: "Salford Sentence Reading Test", category: "assessment", pattern: "Salford( Sentence)? Reading Test" },
  { name: "Access Reading Test", category: "assessment" },
  { name: "PIRA", category: "assessment", pattern: "PIRA|PUMA", caseSensitive: true },
  { name: "CELF", category: "assessment", pattern: "CELF", caseSensitive: true },
  { name: "Renfrew Action Picture Test", category: "assessment", pattern: "Renfrew( Action Picture Test)?" },
  { name: "DASH handwriting speed test", category: "assessment", pattern: "DASH|Detailed Assessment of Speed of Handwriting", caseSensitive: true },
  { name: "Movement ABC", category: "assessment", pattern: "Movement ABC|MABC" },
  { name: "Engagement Model", category: "assessment", pattern: "Engagement Model", caseSensitive: true },
  { name: "B Squared", category: "assessment" },
  { name: "Routes for Learning", category: "assessment" },
  { name: "PIVATS", category: "assessment", caseSensitive: true },
  // Staff training and qualifications
  { name: "National Award for SEN Coordination", category: "training", pattern: "National Award for (SEN|Special Educational Needs) Co-?ordination|NASENCO" },
  { name: "NPQ for SENCOs", category: "training", pattern: "NPQ ?(for )?SENCOs?|NPQSENCO|National Professional Qualification for SENCOs" },
  { name: "Autism Education Trust training", category: "training", pattern: "Autism Education Trust|AET (training|Making Sense of Autism|Good Autism Practice)|Making Sense of Autism|Good Autism Practice" },
  { name: "Team Teach", category: "training" },
  { name: "Mental Health First Aid", category: "training", pattern: "Mental Health First Aid(er)?s?|Youth Mental Health First Aid" },
  { name: "CPT3A", category: "training", pattern: "CPT3A|Level 7 (Certificate|Diploma) in (Assessment|Specialist Assessment)|AMBDA|APC \\(SASC\\)" },
  { name: "Trauma Informed Schools", category: "training", pattern: "Trauma[- ]Informed (Schools|Practitioner)|Attachment (Aware|and Trauma)" },
  { name: "PROACT-SCIPr-UK", category: "training", pattern: "PROACT-SCIPr-UK|MAPA|Studio III" },
  { name: "Epilepsy and rescue medication training", category: "training", pattern: "rescue medication training|epilepsy (awareness )?training" },
];

export interface ProgrammeMatch {
  name: string;
  category: ProgrammeCategory;
  index: number;
  text: string;
}

/** One lexicon name, compiled two ways. */
export interface LexiconEntry {
  programme: Programme;
  /** `\b(?:name)(?![A-Za-z0-9])`: what the word index reads the name's first letters from. */
  probe: RegExp;
  /** The probe, sticky: tried at one word start at a time. */
  sticky: RegExp;
  /** 0 for names matched in any case, 1 for case-sensitive names; each set is scanned on its own. */
  set: 0 | 1;
}

function compile(programme: Programme): LexiconEntry {
  const source = programme.pattern ?? programme.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const flags = programme.caseSensitive ? "" : "i";
  // Plain \b and a lookahead rather than Unicode look-behind: the word index reads the
  // leading \b-and-letters of non-Unicode patterns only.
  const probe = `\\b(?:${source})(?![A-Za-z0-9])`;
  return { programme, probe: new RegExp(probe, flags), sticky: new RegExp(probe, `y${flags}`), set: programme.caseSensitive ? 1 : 0 };
}

/** Case-insensitive names first, each set in lexicon order, as the scan tries them. */
export const LEXICON: readonly LexiconEntry[] = [...PROGRAMMES.filter((p) => !p.caseSensitive), ...PROGRAMMES.filter((p) => p.caseSensitive)].map(compile);

/** Lexicon ids by the id of a first-letters prefix (see word-index.ts). */
const BY_PREFIX = new Map<number, number[]>();
LEXICON.forEach((entry, id) => {
  const prefixes = prefixIds(entry.probe);
  // The scan tries a name only where a word starts with its first letters, so it needs them.
  if (!prefixes) throw new Error(`The programme pattern ${entry.probe} must start with a word the index can read.`);
  for (const prefix of prefixes) {
    const ids = BY_PREFIX.get(prefix);
    if (!ids) BY_PREFIX.set(prefix, [id]);
    else if (ids[ids.length - 1] !== id) ids.push(id);
  }
});

/**
 * Where each word starts with the names that could start there, in lexicon order: those of the
 * known prefixes the word begins with. One walk down the prefix trie per word tells which; one
 * alternation of every name's first letters, tried at each word start, took ten times as long.
 */
function nameStarts(text: string): Array<{ at: number; names: readonly number[] }> {
  const starts: Array<{ at: number; names: readonly number[] }> = [];
  eachWordPrefix(text, (at, prefix) => {
    const names = BY_PREFIX.get(prefix);
    if (!names) return;
    const last = starts[starts.length - 1];
    if (last?.at !== at) return void starts.push({ at, names });
    // A longer prefix of the same word: its names join the shorter one's, in lexicon order.
    last.names = [...new Set([...last.names, ...names])].sort((x, y) => x - y);
  });
  return starts;
}

/**
 * Every lexicon name in the text, in order of appearance: the same result as one alternation
 * of all names per set (at each word start from the left, the first name that matches there,
 * then on from its end), but only the names whose first letters start that word are tried.
 */
export function findProgrammes(text: string): ProgrammeMatch[] {
  const starts = nameStarts(text);
  const found: ProgrammeMatch[] = [];
  for (const set of starts.length ? ([0, 1] as const) : []) {
    let from = 0;
    for (const { at, names } of starts) {
      if (at < from) continue;
      for (const id of names) {
        const { sticky, set: inSet } = LEXICON[id]!;
        if (inSet !== set) continue;
        sticky.lastIndex = at;
        const match = sticky.exec(text);
        if (!match) continue;
        // No earlier name of the set matches here (each was tried first), so this is the one.
        const { programme } = LEXICON[id]!;
        found.push({ name: programme.name, category: programme.category, index: at, text: match[0] });
        from = at + match[0].length;
        break;
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
