/**
 * The practical steps on the meeting checklist, held once as data so the printable page and
 * the text download say the same thing.
 */
export interface Step {
  text: string;
  link?: { href: string; label: string };
}

export interface StepSection {
  heading: string;
  steps: Step[];
}

export const MEETING_STEPS: StepSection[] = [
  {
    heading: "Before the meeting",
    steps: [
      { text: "Ask the school for your child's provision map or support plan. It should list the help your child gets, how often, for how long, and who gives it." },
      {
        text: "Ask when your child's support was last reviewed and when the next review is. Schools should work in a cycle called assess, plan, do, review (APDR). Ask to see the targets from the last plan and how progress towards them was measured.",
      },
      { text: "Write down what you see at home and what your child tells you. Bring any reports from doctors, therapists or other professionals." },
    ],
  },
  {
    heading: "At the meeting",
    steps: [
      { text: "Go through the gaps on this list. For each one, ask whether your child gets it, and if not, why not." },
      { text: "Ask what will change, who will do it, how often, and from which date." },
      { text: "Agree new targets and a date for the next review." },
    ],
  },
  {
    heading: "After the meeting",
    steps: [
      {
        text: "Keep a dated paper trail. Ask for the notes of the meeting. Send a short email the same week that sets out what was agreed. Keep every letter, email and report, with its date.",
      },
    ],
  },
  {
    heading: "If the help is still not enough",
    steps: [
      {
        text: "You can ask the council for an education, health and care (EHC) needs assessment yourself. You do not have to wait for the school, and there is no rule that a set number of assess, plan, do, review cycles must happen first.",
      },
      {
        text: "For free advice that does not take sides, contact your local SENDIASS (SEND Information, Advice and Support Service). Every council area has one; search for SENDIASS and the name of your council.",
      },
      {
        text: "IPSEA (Independent Provider of Special Education Advice) is a charity that gives free advice on the law about special educational needs.",
        link: { href: "https://www.ipsea.org.uk/", label: "IPSEA's website" },
      },
    ],
  },
];

export interface ChecklistGap {
  label: string;
  /** The area of need, in words. */
  area: string;
  wording: string[];
}

export interface ChecklistContent {
  laName: string | null;
  schoolName: string | null;
  gaps: ChecklistGap[];
}

/** The checklist as a plain-text file, for people who want to keep or edit it. */
export function meetingChecklistText({ laName, schoolName, gaps }: ChecklistContent): string {
  const lines = ["CHECKLIST FOR A MEETING ABOUT YOUR CHILD'S SUPPORT", ""];
  if (schoolName) lines.push(`School: ${schoolName}`);
  if (laName) lines.push(`Council guide: ${laName}`);
  lines.push("Date of meeting: ____________", "");
  if (gaps.length) {
    lines.push("SUPPORT THE COUNCIL'S GUIDE EXPECTS THAT YOUR CHILD MAY NOT BE GETTING", "");
    for (const gap of gaps) {
      lines.push(`[ ] ${gap.label} (${gap.area})`);
      for (const text of gap.wording) lines.push(`    The guide says: "${text}"`);
      lines.push("    What the school said: ______________________________", "");
    }
  }
  for (const section of MEETING_STEPS) {
    lines.push(section.heading.toUpperCase(), "");
    for (const step of section.steps) lines.push(`[ ] ${step.text}${step.link ? ` ${step.link.href}` : ""}`);
    lines.push("");
  }
  return lines.join("\r\n");
}
