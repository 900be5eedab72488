import { Button } from "@fluentui/react-components";
import type { Fix } from "../playbook/findings";
import type { Lang } from "../playbook/vocabulary";
import type { LifecycleStrings } from "./lifecycle-strings";

export interface FixButtonProps {
  fix: Fix;
  /** Every fix of the same rule in the list (this one included): *Ret alle (n)* when more than one. */
  ruleFixes: ReadonlyArray<Fix>;
  lang: Lang;
  strings: LifecycleStrings;
  busy: boolean;
  onFix(fixes: ReadonlyArray<Fix>): void;
}

/** The fix's own label (*Ret «Maja Fris» til «Maja Friis»*), and *Ret alle (n)* for the rule's other fixes. */
export function FixButton({ fix, ruleFixes, lang, strings, busy, onFix }: FixButtonProps) {
  return (
    <>
      <Button size="small" appearance="primary" disabledFocusable={busy} onClick={() => onFix([fix])}>
        {fix.label[lang]}
      </Button>
      {ruleFixes.length > 1 ? (
        <Button size="small" disabledFocusable={busy} onClick={() => onFix(ruleFixes)}>
          {strings.fixAll(ruleFixes.length)}
        </Button>
      ) : null}
    </>
  );
}
