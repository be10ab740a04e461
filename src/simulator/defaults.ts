/** Simulator defaults without the server's imports (graphql), so the CLI's --help can show them. */
export const DEFAULT_SIM_CLIENT_ID = 'simulator-client';
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
