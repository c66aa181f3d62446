import type { Diagnostic } from '../diagnostics';
import type { StepCatalog } from '../step-catalog';
import type { Model } from './model';
import { stepPath } from './model';
import { describeStep } from './steps';

/**
 * `RUNAWAY_CYCLE` for each group of steps that can loop (through transitions or error paths)
 * without passing a step that waits durably: such a run would spin until the interpreter's step
 * limit. Steps of unknown type count as not waiting. One diagnostic per strongly connected group,
 * on its first step in definition order.
 */
export function checkCycles(model: Model, catalog: StepCatalog): Diagnostic[] {
  const candidates = [...model.stepsById.values()].filter(
    (step) => step.type === undefined || describeStep(catalog, step.type)?.waits !== true,
  );
  const ids = new Set(candidates.map((s) => s.id));
  const edges = (id: string): readonly string[] =>
    (model.successors.get(id) ?? []).filter((next) => ids.has(next));
  const order = new Map(candidates.map((s, i) => [s.id, i]));

  return stronglyConnected([...ids], edges)
    .filter((group) => group.length > 1 || edges(group[0] as string).includes(group[0] as string))
    .map((group) => group.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)))
    .sort((a, b) => (order.get(a[0] as string) ?? 0) - (order.get(b[0] as string) ?? 0))
    .map((group) => {
      const first = model.stepsById.get(group[0] as string);
      const loop =
        group.length === 1
          ? `"${group[0]}" leads back to itself`
          : `${group.map((id) => `"${id}"`).join(', ')} loop`;
      return {
        code: 'RUNAWAY_CYCLE',
        message: `${loop} without a waiting step (such as a delay), so a run would never stop`,
        nodeId: group[0],
        ...(first === undefined ? {} : { path: stepPath(first) }),
      };
    });
}

// Tarjan's algorithm, iterative so a long chain of steps cannot overflow the call stack.
function stronglyConnected(nodes: readonly string[], edges: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const successors = edges(frame.id);
      if (frame.next < successors.length) {
        const next = successors[frame.next++] as string;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(next) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined)
        low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.id);
        groups.push(group);
      }
    }
  }
  return groups;
}
