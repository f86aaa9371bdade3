// Handlers of the front desk's reference data: the division tree for the cascaders and the search
// for enterprises registered on this kiosk.
import type { OperationName } from '../../../shared/api/contract';
import type { DivisionNode } from '../../../shared/domain/division';
import type { EnterpriseChoice } from '../../../shared/domain/enterpriseChoice';
import type { Handlers } from './handlers';

type DeskOperation = Extract<OperationName, 'reference.divisions' | 'registrations.findEnterprises'>;

export interface DeskHandlerDeps {
  divisionTree: DivisionNode[];
  findEnterprises: (query: string) => EnterpriseChoice[];
}

export function createDeskHandlers({ divisionTree, findEnterprises }: DeskHandlerDeps): Pick<Handlers, DeskOperation> {
  return {
    'reference.divisions': () => divisionTree,
    'registrations.findEnterprises': ({ query }) => findEnterprises(query),
  };
}
