/** Contracts (RULES.md, section 4 of the playbook). */
import { daysBetween, formatDay, type Day } from "../dates";
import type { Contract, Field, Plan } from "../model";
import type { Draft, Rule, RuleContext } from "../rule";
import { minimumOverlapEnd, noticeDeadline } from "../timeline";
import { draftsFor, namesSystem, q, settingAt, systemParts, text } from "./common";

/** The extension the playbook suggests ("fx 3 måneder"). */
export const RECOMMENDED_EXTENSION_MONTHS = 3;

const libraryContracts = new WeakMap<Plan, Contract[]>();

/** The library-system contracts (found once per plan: most rules here ask). */
function libraryContractsOf(plan: Plan): ReadonlyArray<Contract> {
  let contracts = libraryContracts.get(plan);
  if (!contracts) libraryContracts.set(plan, (contracts = plan.contracts.filter((c) => c.type.value === "librarySystem")));
  return contracts;
}

function contractName(c: Contract): string {
  return q([c.vendor.value, c.system.value].filter(Boolean).join(" / ") || `#${c.row}`);
}

function cellOrRow(field: Field<unknown>, c: Contract) {
  return field.at.cell ? field.at : c.at;
}

function deadlineOf(c: Contract): Day | null {
  return noticeDeadline(c.expires.value, c.noticeMonths.value);
}

/** A rule over library-system contracts that reports at most one draft per contract. */
function perLibraryContract(check: (c: Contract, ctx: RuleContext) => Draft | null) {
  return (ctx: RuleContext): Draft[] => draftsFor(libraryContractsOf(ctx.plan), (c) => check(c, ctx));
}

/** What CON-01 asks to be looked up in each contract: the column, and what it holds in Danish and English. */
const MUST_BE_KNOWN: ReadonlyArray<{ key: "expires" | "noticeMonths" | "extensionMonths"; da: string; en: string }> = [
  { key: "expires", da: "hvornår kontrakten udløber", en: "when the contract expires" },
  { key: "noticeMonths", da: "opsigelsesvarslet i måneder", en: "the notice period in months" },
  { key: "extensionMonths", da: "muligheden for forlængelse i måneder (0 = ingen)", en: "the extension option in months (0 = none)" },
];

const CON_01: Rule = {
  id: "CON-01",
  severity: "error",
  section: "4.1",
  title: text("Udløb, opsigelsesvarsel og forlængelse er undersøgt", "Expiry, notice period and extension are known"),
  check: ({ plan }) => {
    const drafts: Draft[] = [];
    plan.contracts.forEach((c) =>
      MUST_BE_KNOWN.forEach(({ key, da, en }) => {
        const field = c[key];
        if (field.present || !field.at.cell) return;
        drafts.push({
          at: field.at,
          message: text(`Det er ikke undersøgt ${da} for ${contractName(c)}.`, `${en[0].toUpperCase()}${en.slice(1)} is not known for ${contractName(c)}.`),
          hint: text(`Find ${da} i kontrakten og skriv det i cellen.`, `Look up ${en} in the contract and type it in the cell.`),
        });
      }),
    );
    return drafts;
  },
};

const CON_02: Rule = {
  id: "CON-02",
  severity: "error",
  section: "4.1",
  title: text("Bibliotekssystemets kontrakt udløber ikke før ibrugtagning", "The library-system contract does not expire before go-live"),
  check: perLibraryContract((c, { plan }) => {
    const goLive = plan.settings.goLive.value;
    const expires = c.expires.value;
    if (!goLive || !expires || daysBetween(expires, goLive) >= 0) return null;
    return {
      at: c.expires.at,
      message: text(
        `Kontrakten ${contractName(c)} udløber ${formatDay(expires, "da")}, før ibrugtagning ${formatDay(goLive, "da")}: det gamle system er væk, før FBS kører.`,
        `The contract ${contractName(c)} expires on ${formatDay(expires, "en")}, before go-live on ${formatDay(goLive, "en")}: the old system is gone before FBS runs.`,
      ),
      hint: text(
        "Forlæng kontrakten (eller brug forlængelsesoptionen), så den løber mindst en måned efter ibrugtagning.",
        "Extend the contract (or use its extension option) so that it runs at least one month past go-live.",
      ),
    };
  }),
};

const CON_03: Rule = {
  id: "CON-03",
  severity: "warning",
  section: "4.1",
  title: text("Mindst en måneds overlap efter ibrugtagning", "At least one month of overlap after go-live"),
  check: perLibraryContract((c, { plan }) => {
    const goLive = plan.settings.goLive.value;
    const expires = c.expires.value;
    const overlapEnd = minimumOverlapEnd(goLive);
    if (!goLive || !expires || !overlapEnd) return null;
    if (daysBetween(expires, goLive) < 0 || daysBetween(expires, overlapEnd) >= 0) return null;
    return {
      at: c.expires.at,
      message: text(
        `Kontrakten ${contractName(c)} udløber ${formatDay(expires, "da")}, mindre end en måned efter ibrugtagning ${formatDay(goLive, "da")}; den bør løbe mindst til ${formatDay(overlapEnd, "da")}.`,
        `The contract ${contractName(c)} expires on ${formatDay(expires, "en")}, less than a month after go-live on ${formatDay(goLive, "en")}; it should run at least until ${formatDay(overlapEnd, "en")}.`,
      ),
      hint: text(
        "Behold den gamle kontrakt mindst en måned efter overgangen, så det gamle system kan bruges til at tjekke manglende data.",
        "Keep the old contract for at least a month after the move, so the old system can be used to check for missing data.",
      ),
    };
  }),
};

const CON_04: Rule = {
  id: "CON-04",
  severity: "warning",
  section: "4.1",
  title: text("Bibliotekssystemets kontrakt kan forlænges", "The library-system contract can be extended"),
  check: perLibraryContract((c) => {
    const months = c.extensionMonths.value;
    if (months === null || months >= RECOMMENDED_EXTENSION_MONTHS) return null;
    const none = months === 0;
    return {
      at: c.extensionMonths.at,
      severity: none ? "warning" : "info",
      message: none
        ? text(`Kontrakten ${contractName(c)} kan ikke forlænges.`, `The contract ${contractName(c)} cannot be extended.`)
        : text(
            `Kontrakten ${contractName(c)} kan kun forlænges ${String(months).replace(".", ",")} måned(er).`,
            `The contract ${contractName(c)} can only be extended by ${months} month(s).`,
          ),
      hint: text(
        `Aftal med leverandøren at kunne forlænge med fx ${RECOMMENDED_EXTENSION_MONTHS} måneder efter forudgående varsel: en buffer, hvis overgangen skrider.`,
        `Agree with the vendor on an option to extend by e.g. ${RECOMMENDED_EXTENSION_MONTHS} months after notice: a buffer if the move slips.`,
      ),
    };
  }),
};

const CON_05: Rule = {
  id: "CON-05",
  severity: "warning",
  section: "4.1",
  title: text("Kontrakten opsiges ikke før overgangstidspunktet er aftalt", "The contract is not terminated before the transition date is agreed"),
  check: perLibraryContract((c, { plan }) => {
    const terminated = c.terminatedOn.value;
    if (!terminated) return null;
    const agreed = plan.settings.transitionAgreed.value;
    if (agreed && daysBetween(agreed, terminated) <= 0) return null;
    return {
      at: c.terminatedOn.at,
      message: agreed
        ? text(
            `Kontrakten ${contractName(c)} blev opsagt ${formatDay(terminated, "da")}, før overgangstidspunktet blev aftalt ${formatDay(agreed, "da")}.`,
            `The contract ${contractName(c)} was terminated on ${formatDay(terminated, "en")}, before the transition date was agreed on ${formatDay(agreed, "en")}.`,
          )
        : text(
            `Kontrakten ${contractName(c)} er opsagt ${formatDay(terminated, "da")}, men overgangstidspunktet er ikke aftalt.`,
            `The contract ${contractName(c)} was terminated on ${formatDay(terminated, "en")}, but the transition date is not agreed.`,
          ),
      hint: text(
        "Aftal overgangstidspunktet med KOMBIT og Systematic, før kontrakten opsiges; tal med leverandøren om at forlænge, hvis det er for sent.",
        "Agree the transition date with KOMBIT and Systematic before terminating; talk to the vendor about an extension if it is too late.",
      ),
    };
  }),
};

const CON_06: Rule = {
  id: "CON-06",
  severity: "warning",
  section: "4.1",
  title: text("Opsigelsesfristen ligger efter overgangsaftalen", "The notice deadline falls after the transition agreement"),
  check: perLibraryContract((c, { plan }) => {
    if (c.terminatedOn.value) return null;
    const deadline = deadlineOf(c);
    if (!deadline) return null;
    const agreed = plan.settings.transitionAgreed.value;
    if (agreed && daysBetween(deadline, agreed) >= 0) return null;
    return {
      at: c.noticeMonths.at,
      message: agreed
        ? text(
            `Fristen for at opsige ${contractName(c)} er ${formatDay(deadline, "da")}, før overgangstidspunktet aftales ${formatDay(agreed, "da")}.`,
            `The notice deadline for ${contractName(c)} is ${formatDay(deadline, "en")}, before the transition date is agreed on ${formatDay(agreed, "en")}.`,
          )
        : text(
            `Fristen for at opsige ${contractName(c)} er ${formatDay(deadline, "da")}, og overgangstidspunktet er endnu ikke aftalt.`,
            `The notice deadline for ${contractName(c)} is ${formatDay(deadline, "en")}, and the transition date is not yet agreed.`,
          ),
      hint: text(
        "Aftal overgangstidspunktet med KOMBIT og Systematic før opsigelsesfristen, eller aftal en forlængelse med leverandøren.",
        "Agree the transition date with KOMBIT and Systematic before the notice deadline, or agree an extension with the vendor.",
      ),
    };
  }),
};

const CON_07: Rule = {
  id: "CON-07",
  severity: "warning",
  section: "4.1",
  title: text("Opsigelsesfristen er ikke overskredet", "The notice deadline has not passed"),
  check: ({ plan, today }) =>
    draftsFor(plan.contracts, (c) => {
      if (c.terminatedOn.value || c.terminatedOn.invalid) return null;
      const deadline = deadlineOf(c);
      if (!deadline || daysBetween(today, deadline) <= 0) return null;
      return {
        at: cellOrRow(c.expires, c),
        message: text(
          `Fristen for at opsige ${contractName(c)} var ${formatDay(deadline, "da")} (i dag er ${formatDay(today, "da")}); kontrakten er ikke opsagt.`,
          `The notice deadline for ${contractName(c)} was ${formatDay(deadline, "en")} (today is ${formatDay(today, "en")}); the contract has not been terminated.`,
        ),
        hint: text(
          "Kontrakten kan rulle videre eller skal genforhandles: tal med leverandøren, og skriv datoen i Opsagt, hvis den er opsagt.",
          "The contract may roll on or need renegotiation: talk to the vendor, and type the date in Terminated on if notice was given.",
        ),
      };
    }),
};

const CON_08: Rule = {
  id: "CON-08",
  severity: "warning",
  section: "4.2",
  title: text("Server med end of life er dækket af KOMBITs beredskab", "End-of-life servers are covered by KOMBIT's contingency"),
  check: ({ plan }) => {
    const overlapEnd = minimumOverlapEnd(plan.settings.goLive.value);
    if (!overlapEnd) return [];
    return draftsFor(plan.contracts, (c) => {
      const end = c.vendorEndOfSupport.value;
      if (!end || daysBetween(end, overlapEnd) >= 0 || c.joinedContingency.value) return null;
      return {
        at: c.vendorEndOfSupport.at,
        message: text(
          `Leverandøren stopper ${contractName(c)} ${formatDay(end, "da")}, før ibrugtagning + 1 måned (${formatDay(overlapEnd, "da")}), og kommunen er ikke tilmeldt beredskabet.`,
          `The vendor ends ${contractName(c)} on ${formatDay(end, "en")}, before go-live + 1 month (${formatDay(overlapEnd, "en")}), and the municipality has not joined the contingency.`,
        ),
        hint: text(
          "Kontakt KOMBIT om beredskabet for servere med end of life, og skriv «Ja» i Beredskab tilmeldt.",
          "Contact KOMBIT about the contingency for end-of-life servers, and put «Yes» in Joined contingency.",
        ),
      };
    });
  },
};

const CON_09: Rule = {
  id: "CON-09",
  severity: "warning",
  section: "4.1",
  title: text("Hvert nuværende bibliotekssystem har en kontrakt", "Each current library system has a contract"),
  check: ({ plan }) => {
    const systems = plan.settings.currentSystems.value ?? [];
    if (systems.length === 0) return [];
    const contractSystems = libraryContractsOf(plan).map((c) => systemParts(c.system.value));
    return systems
      .filter((s) => !contractSystems.some((parts) => namesSystem(parts, s)))
      .map((s) => ({
        at: settingAt(plan, "currentSystems"),
        message: text(
          `Der er ingen bibliotekssystemkontrakt for ${q(s)} i Kontrakter.`,
          `There is no library-system contract for ${q(s)} in Contracts.`,
        ),
        hint: text(
          `Tilføj kontrakten i Kontrakter med Type «Bibliotekssystem» og ${q(s)} i System.`,
          `Add the contract to Contracts with Type «Library system» and ${q(s)} in System.`,
        ),
      }));
  },
};

export const CONTRACT_RULES: Rule[] = [CON_01, CON_02, CON_03, CON_04, CON_05, CON_06, CON_07, CON_08, CON_09];
