import { useCallback, useRef, useState } from "react";
import type { ActionKey, Outcome } from "./strings";

/** What the pane shows under the buttons: nothing, progress, or how the last action ended. */
export type ActionStatus =
  | { kind: "idle" }
  | { kind: "busy"; action: ActionKey }
  | { kind: "done"; action: ActionKey | null; outcome: Outcome; failed: boolean };

export interface ActionRunner {
  status: ActionStatus;
  busy: boolean;
  /**
   * Runs `task` unless another action is running: shows progress meanwhile, then the outcome that
   * `describe` makes of the result, or of the error (`describeError`). Resolves to the result, or
   * to undefined when the task failed or did not run; it never rejects.
   */
  run<T>(action: ActionKey, task: () => Promise<T>, describe: (result: T) => Outcome): Promise<T | undefined>;
  /** Show a failure that came from outside an action (e.g. a failed jump to a cell). */
  showFailure(outcome: Outcome): void;
  dismiss(): void;
}

export function useAction(describeError: (error: unknown) => Outcome): ActionRunner {
  const [status, setStatus] = useState<ActionStatus>({ kind: "idle" });
  // A ref, not state: two clicks in the same tick must not both start.
  const running = useRef(false);

  const run = useCallback(
    async <T>(action: ActionKey, task: () => Promise<T>, describe: (result: T) => Outcome): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setStatus({ kind: "busy", action });
      try {
        const result = await task();
        setStatus({ kind: "done", action, outcome: describe(result), failed: false });
        return result;
      } catch (error) {
        setStatus({ kind: "done", action, outcome: describeError(error), failed: true });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [describeError],
  );

  const showFailure = useCallback(
    (outcome: Outcome) => setStatus({ kind: "done", action: null, outcome, failed: true }),
    [],
  );
  // A running action keeps its progress: a fix or an acceptance that ends meanwhile dismisses only a message.
  const dismiss = useCallback(() => setStatus((s) => (s.kind === "busy" ? s : { kind: "idle" })), []);

  return { status, busy: status.kind === "busy", run, showFailure, dismiss };
}
