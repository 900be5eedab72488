/** Contracts (RULES.md, section 4 of the playbook). */
import { daysBetween, type Day } from "../dates";
import type { Contract, Plan } from "../model";
import { defineRule, message, type Rule } from "../rule";
import { minimumOverlapEnd, noticeDeadline } from "../timeline";
import { isoDay, namesSystem, settingAt, settingName, systemParts } from "./common";

/** The extension the playbook suggests ("fx 3 måneder"). */
export const RECOMMENDED_EXTENSION_MONTHS = 3;

const libraryContracts = new WeakMap<Plan, Contract[]>();

/** The library-system contracts (found once per plan: most rules here ask). */
function libraryContractsOf(plan: Plan): ReadonlyArray<Contract> {
  let contracts = libraryContracts.get(plan);
  if (!contracts) libraryContracts.set(plan, (contracts = plan.contracts.filter((c) => c.type.value === "librarySystem")));
  return contracts;
}

/** The contract as messages name it: `Leverandør / System`, or its row number when both are empty. */
function contractName(c: Contract): string {
  return [c.vendor.value, c.system.value].filter(Boolean).join(" / ") || `#${c.row}`;
}

function deadlineOf(c: Contract): Day | null {
  return noticeDeadline(c.expires.value, c.noticeMonths.value);
}

type Named = { contract: string };

/** A CON-01 message: something to look up in the contract, in Danish and English. */
function unknown(da: string, en: string) {
  return message<Named>({
    da: (d, w) => `Det er ikke undersøgt ${da} for ${w.q(d.contract)}.`,
    en: (d, w) => `${en[0].toUpperCase()}${en.slice(1)} is not known for ${w.q(d.contract)}.`,
    hint: { da: `Find ${da} i kontrakten og skriv det i cellen.`, en: `Look up ${en} in the contract and type it in the cell.` },
  });
}

const CON_01 = defineRule({
  id: "CON-01",
  severity: "error",
  section: "4.1",
  title: { da: "Udløb, opsigelsesvarsel og forlængelse er undersøgt", en: "Expiry, notice period and extension are known" },
  messages: {
    expiresUnknown: unknown("hvornår kontrakten udløber", "when the contract expires"),
    noticeUnknown: unknown("opsigelsesvarslet i måneder", "the notice period in months"),
    extensionUnknown: unknown("muligheden for forlængelse i måneder (0 = ingen)", "the extension option in months (0 = none)"),
  },
  check: ({ plan }, report) => {
    for (const c of plan.contracts) {
      const contract = contractName(c);
      // An absent column is DATA-02.
      if (!c.expires.present && c.expires.column !== null) report("expiresUnknown", c.expires, { contract });
      if (!c.noticeMonths.present && c.noticeMonths.column !== null) report("noticeUnknown", c.noticeMonths, { contract });
      if (!c.extensionMonths.present && c.extensionMonths.column !== null) report("extensionUnknown", c.extensionMonths, { contract });
    }
  },
});

const CON_02 = defineRule({
  id: "CON-02",
  severity: "error",
  section: "4.1",
  title: { da: "Bibliotekssystemets kontrakt udløber ikke før ibrugtagning", en: "The library-system contract does not expire before go-live" },
  messages: {
    expiresBeforeGoLive: message<Named & { expires: string; goLive: string }>({
      da: (d, w) =>
        `Kontrakten ${w.q(d.contract)} udløber ${w.date(d.expires)}, før ibrugtagning ${w.date(d.goLive)}: det gamle system er væk, før FBS kører.`,
      en: (d, w) =>
        `The contract ${w.q(d.contract)} expires on ${w.date(d.expires)}, before go-live on ${w.date(d.goLive)}: the old system is gone before FBS runs.`,
      hint: {
        da: "Forlæng kontrakten (eller brug forlængelsesoptionen), så den løber mindst en måned efter ibrugtagning.",
        en: "Extend the contract (or use its extension option) so that it runs at least one month past go-live.",
      },
    }),
  },
  check: ({ plan }, report) => {
    const goLive = plan.settings.goLive.value;
    if (!goLive) return;
    for (const c of libraryContractsOf(plan)) {
      const expires = c.expires.value;
      if (!expires || daysBetween(expires, goLive) >= 0) continue;
      report("expiresBeforeGoLive", c.expires, { contract: contractName(c), expires: isoDay(expires), goLive: isoDay(goLive) });
    }
  },
});

const CON_03 = defineRule({
  id: "CON-03",
  severity: "warning",
  section: "4.1",
  title: { da: "Mindst en måneds overlap efter ibrugtagning", en: "At least one month of overlap after go-live" },
  messages: {
    tooShort: message<Named & { expires: string; goLive: string; until: string }>({
      da: (d, w) =>
        `Kontrakten ${w.q(d.contract)} udløber ${w.date(d.expires)}, mindre end en måned efter ibrugtagning ${w.date(d.goLive)}; den bør løbe mindst til ${w.date(d.until)}.`,
      en: (d, w) =>
        `The contract ${w.q(d.contract)} expires on ${w.date(d.expires)}, less than a month after go-live on ${w.date(d.goLive)}; it should run at least until ${w.date(d.until)}.`,
      hint: {
        da: "Behold den gamle kontrakt mindst en måned efter overgangen, så det gamle system kan bruges til at tjekke manglende data.",
        en: "Keep the old contract for at least a month after the move, so the old system can be used to check for missing data.",
      },
    }),
  },
  check: ({ plan }, report) => {
    const goLive = plan.settings.goLive.value;
    const overlapEnd = minimumOverlapEnd(goLive);
    if (!goLive || !overlapEnd) return;
    for (const c of libraryContractsOf(plan)) {
      const expires = c.expires.value;
      if (!expires || daysBetween(expires, goLive) < 0 || daysBetween(expires, overlapEnd) >= 0) continue;
      report("tooShort", c.expires, { contract: contractName(c), expires: isoDay(expires), goLive: isoDay(goLive), until: isoDay(overlapEnd) });
    }
  },
});

const EXTENSION_HINT = {
  da: `Aftal med leverandøren at kunne forlænge med fx ${RECOMMENDED_EXTENSION_MONTHS} måneder efter forudgående varsel: en buffer, hvis overgangen skrider.`,
  en: `Agree with the vendor on an option to extend by e.g. ${RECOMMENDED_EXTENSION_MONTHS} months after notice: a buffer if the move slips.`,
};

const CON_04 = defineRule({
  id: "CON-04",
  severity: "warning",
  section: "4.1",
  title: { da: "Bibliotekssystemets kontrakt kan forlænges", en: "The library-system contract can be extended" },
  messages: {
    noExtension: message<Named>({
      da: (d, w) => `Kontrakten ${w.q(d.contract)} kan ikke forlænges.`,
      en: (d, w) => `The contract ${w.q(d.contract)} cannot be extended.`,
      hint: EXTENSION_HINT,
    }),
    shortExtension: message<Named & { months: number }>({
      da: (d, w) => `Kontrakten ${w.q(d.contract)} kan kun forlænges ${w.number(d.months)} måned(er).`,
      en: (d, w) => `The contract ${w.q(d.contract)} can only be extended by ${w.number(d.months)} month(s).`,
      hint: EXTENSION_HINT,
    }),
  },
  check: ({ plan }, report) => {
    for (const c of libraryContractsOf(plan)) {
      const months = c.extensionMonths.value;
      if (months === null || months >= RECOMMENDED_EXTENSION_MONTHS) continue;
      if (months === 0) report("noExtension", c.extensionMonths, { contract: contractName(c) });
      else report("shortExtension", c.extensionMonths, { contract: contractName(c), months }, { severity: "info" });
    }
  },
});

const TERMINATION_HINT = {
  da: "Aftal overgangstidspunktet med KOMBIT og Systematic, før kontrakten opsiges; tal med leverandøren om at forlænge, hvis det er for sent.",
  en: "Agree the transition date with KOMBIT and Systematic before terminating; talk to the vendor about an extension if it is too late.",
};

const CON_05 = defineRule({
  id: "CON-05",
  severity: "warning",
  section: "4.1",
  title: { da: "Kontrakten opsiges ikke før overgangstidspunktet er aftalt", en: "The contract is not terminated before the transition date is agreed" },
  messages: {
    terminatedBeforeAgreement: message<Named & { terminated: string; agreed: string }>({
      da: (d, w) => `Kontrakten ${w.q(d.contract)} blev opsagt ${w.date(d.terminated)}, før overgangstidspunktet blev aftalt ${w.date(d.agreed)}.`,
      en: (d, w) =>
        `The contract ${w.q(d.contract)} was terminated on ${w.date(d.terminated)}, before the transition date was agreed on ${w.date(d.agreed)}.`,
      hint: TERMINATION_HINT,
    }),
    terminatedUnagreed: message<Named & { terminated: string }>({
      da: (d, w) => `Kontrakten ${w.q(d.contract)} er opsagt ${w.date(d.terminated)}, men overgangstidspunktet er ikke aftalt.`,
      en: (d, w) => `The contract ${w.q(d.contract)} was terminated on ${w.date(d.terminated)}, but the transition date is not agreed.`,
      hint: TERMINATION_HINT,
    }),
  },
  check: ({ plan }, report) => {
    const agreed = plan.settings.transitionAgreed.value;
    for (const c of libraryContractsOf(plan)) {
      const terminated = c.terminatedOn.value;
      if (!terminated) continue;
      if (!agreed) report("terminatedUnagreed", c.terminatedOn, { contract: contractName(c), terminated: isoDay(terminated) });
      else if (daysBetween(agreed, terminated) > 0) {
        report("terminatedBeforeAgreement", c.terminatedOn, { contract: contractName(c), terminated: isoDay(terminated), agreed: isoDay(agreed) });
      }
    }
  },
});

const DEADLINE_HINT = {
  da: "Aftal overgangstidspunktet med KOMBIT og Systematic før opsigelsesfristen, eller aftal en forlængelse med leverandøren.",
  en: "Agree the transition date with KOMBIT and Systematic before the notice deadline, or agree an extension with the vendor.",
};

const CON_06 = defineRule({
  id: "CON-06",
  severity: "warning",
  section: "4.1",
  title: { da: "Opsigelsesfristen ligger efter overgangsaftalen", en: "The notice deadline falls after the transition agreement" },
  messages: {
    deadlineBeforeAgreement: message<Named & { deadline: string; agreed: string }>({
      da: (d, w) => `Fristen for at opsige ${w.q(d.contract)} er ${w.date(d.deadline)}, før overgangstidspunktet aftales ${w.date(d.agreed)}.`,
      en: (d, w) => `The notice deadline for ${w.q(d.contract)} is ${w.date(d.deadline)}, before the transition date is agreed on ${w.date(d.agreed)}.`,
      hint: DEADLINE_HINT,
    }),
    deadlineUnagreed: message<Named & { deadline: string }>({
      da: (d, w) => `Fristen for at opsige ${w.q(d.contract)} er ${w.date(d.deadline)}, og overgangstidspunktet er endnu ikke aftalt.`,
      en: (d, w) => `The notice deadline for ${w.q(d.contract)} is ${w.date(d.deadline)}, and the transition date is not yet agreed.`,
      hint: DEADLINE_HINT,
    }),
  },
  check: ({ plan }, report) => {
    const agreed = plan.settings.transitionAgreed.value;
    for (const c of libraryContractsOf(plan)) {
      if (c.terminatedOn.value) continue;
      const deadline = deadlineOf(c);
      if (!deadline) continue;
      if (!agreed) report("deadlineUnagreed", c.noticeMonths, { contract: contractName(c), deadline: isoDay(deadline) });
      else if (daysBetween(deadline, agreed) < 0) {
        report("deadlineBeforeAgreement", c.noticeMonths, { contract: contractName(c), deadline: isoDay(deadline), agreed: isoDay(agreed) });
      }
    }
  },
});

const CON_07 = defineRule({
  id: "CON-07",
  severity: "warning",
  section: "4.1",
  title: { da: "Opsigelsesfristen er ikke overskredet", en: "The notice deadline has not passed" },
  messages: {
    deadlinePassed: message<Named & { deadline: string; today: string }>({
      da: (d, w) => `Fristen for at opsige ${w.q(d.contract)} var ${w.date(d.deadline)} (i dag er ${w.date(d.today)}); kontrakten er ikke opsagt.`,
      en: (d, w) =>
        `The notice deadline for ${w.q(d.contract)} was ${w.date(d.deadline)} (today is ${w.date(d.today)}); the contract has not been terminated.`,
      hint: {
        da: "Kontrakten kan rulle videre eller skal genforhandles: tal med leverandøren, og skriv datoen i Opsagt, hvis den er opsagt.",
        en: "The contract may roll on or need renegotiation: talk to the vendor, and type the date in Terminated on if notice was given.",
      },
    }),
  },
  check: ({ plan, today }, report) => {
    for (const c of plan.contracts) {
      if (c.terminatedOn.value || c.terminatedOn.invalid) continue;
      const deadline = deadlineOf(c);
      if (!deadline || daysBetween(today, deadline) <= 0) continue;
      report("deadlinePassed", c.expires, { contract: contractName(c), deadline: isoDay(deadline), today: isoDay(today) });
    }
  },
});

const CON_08 = defineRule({
  id: "CON-08",
  severity: "warning",
  section: "4.2",
  title: { da: "Server med end of life er dækket af KOMBITs beredskab", en: "End-of-life servers are covered by KOMBIT's contingency" },
  messages: {
    outsideContingency: message<Named & { end: string; until: string }>({
      da: (d, w) =>
        `Leverandøren stopper ${w.q(d.contract)} ${w.date(d.end)}, før ibrugtagning + 1 måned (${w.date(d.until)}), og kommunen er ikke tilmeldt beredskabet.`,
      en: (d, w) =>
        `The vendor ends ${w.q(d.contract)} on ${w.date(d.end)}, before go-live + 1 month (${w.date(d.until)}), and the municipality has not joined the contingency.`,
      hint: {
        da: "Kontakt KOMBIT om beredskabet for servere med end of life, og skriv «Ja» i Beredskab tilmeldt.",
        en: "Contact KOMBIT about the contingency for end-of-life servers, and put «Yes» in Joined contingency.",
      },
    }),
  },
  check: ({ plan }, report) => {
    const overlapEnd = minimumOverlapEnd(plan.settings.goLive.value);
    if (!overlapEnd) return;
    for (const c of plan.contracts) {
      const end = c.vendorEndOfSupport.value;
      if (!end || daysBetween(end, overlapEnd) >= 0 || c.joinedContingency.value) continue;
      report("outsideContingency", c.vendorEndOfSupport, { contract: contractName(c), end: isoDay(end), until: isoDay(overlapEnd) });
    }
  },
});

const CON_09 = defineRule({
  id: "CON-09",
  severity: "warning",
  section: "4.1",
  title: { da: "Hvert nuværende bibliotekssystem har en kontrakt", en: "Each current library system has a contract" },
  messages: {
    noContract: message<{ system: string }>({
      da: (d, w) => `Der er ingen bibliotekssystemkontrakt for ${w.q(d.system)} i Kontrakter.`,
      en: (d, w) => `There is no library-system contract for ${w.q(d.system)} in Contracts.`,
      hint: {
        da: (d, w) => `Tilføj kontrakten i Kontrakter med Type «Bibliotekssystem» og ${w.q(d.system)} i System.`,
        en: (d, w) => `Add the contract to Contracts with Type «Library system» and ${w.q(d.system)} in System.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const systems = plan.settings.currentSystems.value ?? [];
    if (systems.length === 0) return;
    const contractSystems = libraryContractsOf(plan).map((c) => systemParts(c.system.value));
    for (const system of systems) {
      if (!contractSystems.some((parts) => namesSystem(parts, system))) {
        report("noContract", settingAt(plan, "currentSystems"), { system }, { subject: settingName("currentSystems") });
      }
    }
  },
});

export const CON_RULES: ReadonlyArray<Rule> = [CON_01, CON_02, CON_03, CON_04, CON_05, CON_06, CON_07, CON_08, CON_09];
