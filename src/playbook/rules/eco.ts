/** Finance-system integration (RULES.md, section 2.2.5 of the playbook). */
import type { Draft, Rule } from "../rule";
import { settingAt, text } from "./common";

export const FINANCE_RULES: Rule[] = [
  {
    id: "ECO-01",
    severity: "error",
    section: "2.2.5",
    title: text("Integrationstest sender intet til borgerne", "The integration test sends nothing to citizens"),
    check: ({ plan }) =>
      plan.settings.integrationTestSilent.value || plan.settings.integrationTestSilent.invalid
        ? []
        : [
            {
              at: settingAt(plan, "integrationTestSilent"),
              message: text(
                "Det er ikke sikret, at test af integrationen til økonomi- og debitorsystem ikke sender henvendelser ud til borgerne.",
                "It is not ensured that testing the finance and debtor integration sends nothing out to citizens.",
              ),
              hint: text(
                "Aftal med leverandøren(erne) at teste uden at påvirke driftsmiljøet, og skriv derefter «Ja» ud for «Integrationstest uden udsendelse til borgere».",
                "Agree with the vendor(s) to test without touching the live environment, then put «Yes» next to «Integration test sends nothing to citizens».",
              ),
            },
          ],
  },
  {
    id: "ECO-02",
    severity: "warning",
    section: "2.2.5",
    title: text("Økonomi- og debitorsystem er kendt", "Finance and debtor systems are named"),
    check: ({ plan }) => {
      const drafts: Draft[] = [];
      const { financeSystem, debtorSystem } = plan.settings;
      if (!financeSystem.present) {
        drafts.push({
          at: settingAt(plan, "financeSystem"),
          message: text("Kommunens økonomisystem er ikke angivet.", "The municipality's finance system is not named."),
          hint: text(
            "Undersøg tidligt integrationen til økonomisystemet og skriv systemets navn ud for «Økonomisystem».",
            "Look into the finance-system integration early and type the system's name next to «Finance system».",
          ),
        });
      }
      if (!debtorSystem.present) {
        drafts.push({
          at: settingAt(plan, "debtorSystem"),
          message: text("Kommunens debitorsystem er ikke angivet.", "The municipality's debtor system is not named."),
          hint: text(
            "Undersøg tidligt integrationen til debitorsystemet og skriv systemets navn ud for «Debitorsystem».",
            "Look into the debtor-system integration early and type the system's name next to «Debtor system».",
          ),
        });
      }
      return drafts;
    },
  },
];
