/**
 * Testing Library's waits (`findBy…`, `waitFor`) give up after 1 s by default. A role query over
 * Fluent's DOM in jsdom takes hundreds of milliseconds on a loaded two-core machine (CI, or a
 * developer's laptop running the browser tests beside), so a dialog that opened in time was
 * reported missing. Five seconds is still far below a test's own timeout.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 5000 });
