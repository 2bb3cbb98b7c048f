/** The gap check in three no-script steps: choose council, stage and areas; tick; see the gaps. */
import { AREA_LABELS, type AreaCode } from "../lib/send-terms";
import { StageSelect, type Stage } from "./area";
import { CoverageNotice, FixtureNotice, type BaselineBody } from "./baseline-views";
import { describedBy, ErrorSummary, errorFor, FieldError, titleWithErrors, type FormError } from "./components";
import type { GapResult } from "../gap-check/check-gaps";
import type { ExpectedEntry } from "../gap-check/expected-provision";
import { plural } from "./format";
import { Layout } from "./layout";
import type { Site } from "./site";

export const NEED_AREAS = [
  { code: "CI", hint: "For example speech and language needs, or autism." },
  { code: "CL", hint: "For example dyslexia, or finding learning harder than others of the same age." },
  { code: "SEMH", hint: "For example anxiety, attention difficulties, or behaviour that shows distress." },
  { code: "SP", hint: "For example hearing, sight or physical needs." },
] as const satisfies ReadonlyArray<{ code: AreaCode; hint: string }>;

/** What carries from one step to the next, as hidden fields and link parameters. */
export interface GapChoice {
  la: string;
  stage: Stage;
  areas: AreaCode[];
  school: number | null;
}

export function choiceQuery(choice: GapChoice): URLSearchParams {
  const params = new URLSearchParams({ la: choice.la });
  if (choice.stage) params.set("stage", choice.stage);
  for (const area of choice.areas) params.append("area", area);
  if (choice.school !== null) params.set("school", String(choice.school));
  return params;
}

function HiddenChoice({ choice }: { choice: GapChoice }) {
  return (
    <>
      {[...choiceQuery(choice)].map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

const crumbs = [{ href: "/", label: "Home" }];

export function GapChoosePage(props: { site: Site; las: Array<{ slug: string; name: string }>; la: string; stage: Stage; areas: AreaCode[]; school: number | null; errors: FormError[] }) {
  const { site, las, la, stage, areas, school, errors } = props;
  const laError = errorFor(errors, "la");
  const areaError = errorFor(errors, "area-CI");
  return (
    <Layout title={titleWithErrors("Check for gaps in your child's support", errors)} fixtureData={site.fixtureData} crumbs={crumbs}>
      <ErrorSummary errors={errors} />
      <h1>Check for gaps in your child's support</h1>
      <p class="lead">Compare the help your child gets with what your council's guide says schools should give.</p>
      <p>Nothing you choose here is saved. It only goes into the address of the next page.</p>
      <form method="get" action="/gap-check">
        <input type="hidden" name="step" value="items" />
        {school !== null ? <input type="hidden" name="school" value={String(school)} /> : null}
        <div class={laError ? "field field-error" : "field"}>
          <label for="la">Council</label>
          <p class="hint" id="la-hint">
            The council for the area your child's school is in.
          </p>
          <FieldError id="la" message={laError} />
          <select id="la" name="la" aria-describedby={describedBy("la", true, laError)}>
            <option value="" selected={!la}>
              Choose a council
            </option>
            {las.map((item) => (
              <option value={item.slug} selected={item.slug === la}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <StageSelect stage={stage} />
        <div class={areaError ? "field field-error" : "field"}>
          <fieldset aria-describedby={describedBy("area", true, areaError)}>
            <legend>Which areas does your child need help with?</legend>
            <p class="hint" id="area-hint">
              Choose all that apply. What the whole school should do for every child is always included.
            </p>
            <FieldError id="area" message={areaError} />
            {NEED_AREAS.map(({ code, hint }) => (
              <div class="choice">
                <input type="checkbox" id={`area-${code}`} name="area" value={code} checked={areas.includes(code)} aria-describedby={`area-${code}-hint`} />
                <div>
                  <label for={`area-${code}`}>{AREA_LABELS[code]}</label>
                  <p class="hint" id={`area-${code}-hint`}>
                    {hint}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>
        </div>
        <button type="submit">Continue</button>
      </form>
    </Layout>
  );
}

function entriesByArea(entries: ExpectedEntry[]) {
  const areas = [...new Set(entries.map((e) => e.area))];
  return areas.map((area) => ({ area, entries: entries.filter((e) => e.area === area) }));
}

function NoGuide({ baseline }: { baseline: BaselineBody }) {
  return (
    <>
      <CoverageNotice baseline={baseline} />
      <p>
        There is nothing to tick yet for {baseline.local_authority.name}. You can still use the <a href="/meeting-checklist">meeting checklist</a> and
        ask the school for your child's provision map.
      </p>
    </>
  );
}

/** The most text the "own words" box takes: it travels in the page address. */
export const MAX_RECEIVES_CHARS = 2000;

export function GapItemsPage(props: { site: Site; baseline: BaselineBody; entries: ExpectedEntry[]; choice: GapChoice; have: Set<string>; receives: string; errors: FormError[] }) {
  const { site, baseline, entries, choice, have, receives, errors } = props;
  const receivesError = errorFor(errors, "receives");
  const la = baseline.local_authority;
  return (
    <Layout title={titleWithErrors(`Tick the help your child gets: ${la.name}`, errors)} fixtureData={site.fixtureData} crumbs={[...crumbs, { href: `/gap-check?${choiceQuery(choice)}&step=choose`, label: "Gap check" }]}>
      <ErrorSummary errors={errors} />
      <h1>Tick the help your child gets</h1>
      <p class="lead">
        From {la.name}'s guide, for {choice.areas.map((a) => AREA_LABELS[a].toLowerCase()).join(", ")} and the whole school.
      </p>
      <FixtureNotice baseline={baseline} />
      {entries.length ? (
        <form method="get" action="/gap-check">
          <HiddenChoice choice={choice} />
          <input type="hidden" name="step" value="result" />
          {baseline.coverage.status === "complete" ? null : <CoverageNotice baseline={baseline} />}
          {entriesByArea(entries).map((group, g) => (
            <fieldset>
              <legend>{AREA_LABELS[group.area]}</legend>
              {group.entries.map((entry, i) => {
                const id = `have-${g}-${i}`;
                return (
                  <div class="choice">
                    <input type="checkbox" id={id} name="have" value={entry.key} checked={have.has(entry.key)} aria-describedby={entry.wording.length ? `${id}-hint` : undefined} />
                    <div>
                      <label for={id}>{entry.label}</label>
                      {entry.wording.length ? (
                        <p class="hint" id={`${id}-hint`}>
                          The guide says: {entry.wording.join(" ")}
                        </p>
                      ) : null}
                    </div>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <div class={receivesError ? "field field-error" : "field"}>
            <label for="receives">Or write what your child gets, in your own words</label>
            <p class="hint" id="receives-hint">
              One thing on each line, for example "picture timetable on her desk". We match each line to the guide. Up to {MAX_RECEIVES_CHARS} characters.
            </p>
            <FieldError id="receives" message={receivesError} />
            <textarea id="receives" name="receives" rows={6} aria-describedby={describedBy("receives", true, receivesError)}>
              {receives}
            </textarea>
          </div>
          <button type="submit">See what is missing</button>
        </form>
      ) : (
        <NoGuide baseline={baseline} />
      )}
    </Layout>
  );
}

export function GapResultPage(props: { site: Site; baseline: BaselineBody; entries: ExpectedEntry[]; result: GapResult; choice: GapChoice; have: string[]; receives: string }) {
  const { site, baseline, entries, result, choice, have, receives } = props;
  const gaps = result.notCovered;
  const la = baseline.local_authority;
  const checklist = choiceQuery(choice);
  for (const gap of gaps) checklist.append("gap", gap.key);
  const change = choiceQuery(choice);
  change.set("step", "items");
  for (const key of have) change.append("have", key);
  if (receives) change.set("receives", receives);
  const fromWords = result.covered.filter((c) => c.lines.length);
  return (
    <Layout title={`What may be missing: ${la.name}`} fixtureData={site.fixtureData} crumbs={[...crumbs, { href: `/gap-check?${change}`, label: "Your answers" }]}>
      <h1>What may be missing</h1>
      <FixtureNotice baseline={baseline} />
      {entries.length ? (
        <>
          <p class="lead">
            Your child gets {entries.length - gaps.length} of the {plural(entries.length, "kind")} of help in {la.name}'s guide for the areas you chose.
          </p>
          {fromWords.length ? (
            <>
              <h2>What we matched from your words</h2>
              <ul>
                {fromWords.map(({ entry, lines }) => (
                  <li>
                    "{lines[0]!.text}" matched <strong>{entry.label}</strong>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.unmatchedLines.length ? (
            <>
              <h2>Lines we could not match</h2>
              <p>These did not match anything in the guide for these areas. They may still be good help: ask the school how they fit with the guide.</p>
              <ul>
                {result.unmatchedLines.map((line) => (
                  <li>"{line.text}"</li>
                ))}
              </ul>
            </>
          ) : null}
          {gaps.length ? (
            <>
              <p>
                The guide expects schools to give these from their own budget where a child needs them. Ask the school about each one: your child may
                get it under another name, or the school may have a reason it is not right for your child.
              </p>
              {entriesByArea(gaps).map((group) => (
                <>
                  <h2>{AREA_LABELS[group.area]}</h2>
                  <ul class="checklist">
                    {group.entries.map((gap) => (
                      <li>
                        <strong>{gap.label}</strong>
                        {gap.wording.map((text) => (
                          <blockquote>
                            <p>{text}</p>
                          </blockquote>
                        ))}
                      </li>
                    ))}
                  </ul>
                </>
              ))}
            </>
          ) : (
            <p>Your child gets everything in the guide for these areas. If your child is still struggling, ask the school what else it can do.</p>
          )}
          <p>
            <a class="button" href={`/meeting-checklist?${checklist}`}>
              Make a checklist for a meeting
            </a>
            <a class="button secondary" href={`/gap-check?${change}`}>
              Change your answers
            </a>
          </p>
        </>
      ) : (
        <NoGuide baseline={baseline} />
      )}
    </Layout>
  );
}
