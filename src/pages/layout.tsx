/** The page frame: skip link, header and navigation, the main landmark and the footer. */
import type { Child } from "hono/jsx";
import { html } from "hono/html";
import { ICON_PATH, PRINT_SCRIPT_PATH } from "./assets";
import { STYLESHEET_PATH } from "./styles";

export interface Crumb {
  href: string;
  label: string;
}

export interface LayoutProps {
  title: string;
  /** True where the Worker serves invented test data; every page then says so. */
  fixtureData: boolean;
  crumbs?: Crumb[];
  /** Only the meeting checklist has a script: its print button. */
  printScript?: boolean;
  children: Child;
}

export function Layout({ title, fixtureData, crumbs, printScript, children }: LayoutProps) {
  return html`<!doctype html>${(
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - SEND support finder`}</title>
        <meta name="description" content="Find the support that schools in England should give children with special educational needs, from each council's published guide." />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="icon" href={ICON_PATH} type="image/svg+xml" />
        {printScript ? <script src={PRINT_SCRIPT_PATH} defer /> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/">
              SEND support finder
            </a>
            <nav class="site-nav" aria-label="Main">
              <ul>
                <li>
                  <a href="/">Search</a>
                </li>
                <li>
                  <a href="/gap-check">Gap check</a>
                </li>
                <li>
                  <a href="/check-report">Check a report</a>
                </li>
                <li>
                  <a href="/meeting-checklist">Meeting checklist</a>
                </li>
              </ul>
            </nav>
          </div>
          {fixtureData ? (
            <div class="fixture-banner">
              <div class="wrap">Test copy: the council guides on this site are invented test data, not any council's real guidance.</div>
            </div>
          ) : null}
        </header>
        <div class="wrap">
          <main id="main" tabindex={-1}>
            {crumbs?.length ? (
              <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                  {crumbs.map((crumb) => (
                    <li>
                      <a href={crumb.href}>{crumb.label}</a>
                    </li>
                  ))}
                </ol>
              </nav>
            ) : null}
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              An independent open-data project, not a government service. Council guides are collected from councils' own websites; each page links to
              its source. Reference data on councils and schools: Department for Education, Open Government Licence v3.0.
            </p>
            <p>
              <a href="/docs">API for developers</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  )}`;
}
