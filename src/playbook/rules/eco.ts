/** Finance-system integration (RULES.md, section 2.2.5 of the playbook). */
import { defineRule, message, type Rule } from "../rule";
import { settingAt, settingName } from "./common";

const ECO_01 = defineRule({
  id: "ECO-01",
  severity: "error",
  section: "2.2.5",
  title: { da: "Integrationstest sender intet til borgerne", en: "The integration test sends nothing to citizens" },
  messages: {
    notEnsured: message({
      da: "Det er ikke sikret, at test af integrationen til økonomi- og debitorsystem ikke sender henvendelser ud til borgerne.",
      en: "It is not ensured that testing the finance and debtor integration sends nothing out to citizens.",
      hint: {
        da: "Aftal med leverandøren(erne) at teste uden at påvirke driftsmiljøet, og skriv derefter «Ja» ud for «Integrationstest uden udsendelse til borgere».",
        en: "Agree with the vendor(s) to test without touching the live environment, then put «Yes» next to «Integration test sends nothing to citizens».",
      },
    }),
  },
  check: ({ plan }, report) => {
    const silent = plan.settings.integrationTestSilent;
    if (!silent.value && !silent.invalid) report("notEnsured", settingAt(plan, "integrationTestSilent"), {}, { subject: settingName("integrationTestSilent") });
  },
});

const ECO_02 = defineRule({
  id: "ECO-02",
  severity: "warning",
  section: "2.2.5",
  title: { da: "Økonomi- og debitorsystem er kendt", en: "Finance and debtor systems are named" },
  messages: {
    noFinanceSystem: message({
      da: "Kommunens økonomisystem er ikke angivet.",
      en: "The municipality's finance system is not named.",
      hint: {
        da: "Undersøg tidligt integrationen til økonomisystemet og skriv systemets navn ud for «Økonomisystem».",
        en: "Look into the finance-system integration early and type the system's name next to «Finance system».",
      },
    }),
    noDebtorSystem: message({
      da: "Kommunens debitorsystem er ikke angivet.",
      en: "The municipality's debtor system is not named.",
      hint: {
        da: "Undersøg tidligt integrationen til debitorsystemet og skriv systemets navn ud for «Debitorsystem».",
        en: "Look into the debtor-system integration early and type the system's name next to «Debtor system».",
      },
    }),
  },
  check: ({ plan }, report) => {
    const { financeSystem, debtorSystem } = plan.settings;
    if (!financeSystem.present) report("noFinanceSystem", settingAt(plan, "financeSystem"), {}, { subject: settingName("financeSystem") });
    if (!debtorSystem.present) report("noDebtorSystem", settingAt(plan, "debtorSystem"), {}, { subject: settingName("debtorSystem") });
  },
});

export const ECO_RULES: ReadonlyArray<Rule> = [ECO_01, ECO_02];
