/** How the project's tools name themselves to the sites they read. */
export const USER_AGENT = "send-oap-sir-analyser/1.0 (open reference of SEND provision in England)";
