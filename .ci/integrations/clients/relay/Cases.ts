// A Relay client's fragments (check.mjs, check 7): a case refetched by node(id:), the overdue cases as a connection.
import { graphql } from 'relay-runtime';

export const caseRow = graphql`
  fragment CasesRow_case on Case @refetchable(queryName: "CasesRowRefetchQuery") {
    id
    number
    status
    village { id name }
  }
`;

export const caseList = graphql`
  fragment CasesList_query on Query
  @argumentDefinitions(first: { type: "Int", defaultValue: 3 }, after: { type: "String" })
  @refetchable(queryName: "CasesListPaginationQuery") {
    cases(first: $first, after: $after, order: [{ number: ASC }]) @connection(key: "CasesList_cases") {
      edges { node { id ...CasesRow_case } }
    }
  }
`;

export const page = graphql`
  query CasesPageQuery {
    ...CasesList_query
  }
`;
