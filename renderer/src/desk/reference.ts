// Reference data of the front desk, loaded once per page: the GB/T 2260 division tree for the
// cascaders and the existence check the form runs with the shared rules. Nothing personal.
import { create } from 'zustand';
import { cityTree, divisionChecker, type DivisionLevel, type DivisionNode } from '../../../shared/domain/division';
import type { ApiClient } from '../api/client';

interface ReferenceState {
  divisions: DivisionNode[] | null;
  cities: DivisionNode[] | null;
  isDivision: ((code: string, level: DivisionLevel) => boolean) | undefined;
  load(client: ApiClient): Promise<void>;
}

export const useReference = create<ReferenceState>((set, get) => ({
  divisions: null,
  cities: null,
  isDivision: undefined,
  load: async (client) => {
    if (get().divisions) return;
    const result = await client.call('reference.divisions', {});
    if (!result.ok) return;
    // Without division data the form cannot tell a real code from a made-up one; core checks again.
    set({
      divisions: result.value,
      cities: cityTree(result.value),
      isDivision: result.value.length > 0 ? divisionChecker(result.value) : undefined,
    });
  },
}));
