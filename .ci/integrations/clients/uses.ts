// Compiled with tsc --strict against the generated types: it fails when a field's type is not what a client expects.
import type { OverdueCasesQuery, OverdueCasesQueryVariables, RefetchRunQuery, GenerateMonthlyMutation } from './gen';

export function firstNumber(data: OverdueCasesQuery): string | undefined {
  const total: number = data.cases.totalCount;
  const next: string | null = data.cases.pageInfo.endCursor;
  return total > 0 && next !== undefined ? data.cases.edges[0]?.node.number : undefined;
}

export const variables: OverdueCasesQueryVariables = { first: 20, after: null };

export function fileNames(data: RefetchRunQuery): string[] {
  return data.node?.__typename === 'ReportRun' ? data.node.artifacts.map((a) => a.fileName) : [];
}

export function errors(data: GenerateMonthlyMutation): string[] {
  return data.generateReport.userErrors.map((e) => e.message);
}
