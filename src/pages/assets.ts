/**
 * The static files the pages use besides the stylesheet: a print button that only appears
 * when scripts run (the page works without it), and the site icon, so browsers do not ask
 * for a /favicon.ico that does not exist.
 */
export const PRINT_SCRIPT_PATH = "/assets/print.js";
export const PRINT_SCRIPT = `document.querySelectorAll("[data-print]").forEach(function(b){b.hidden=false;b.addEventListener("click",function(){window.print()})});\n`;

export const ICON_PATH = "/assets/icon.svg";
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1d70b8"/><path d="M4 8.5l2.5 2.5L12 5.5" stroke="#fff" stroke-width="2" fill="none"/></svg>\n`;
