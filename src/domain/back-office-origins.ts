/** Origins Tally runs on without asking: local servers, where the demo back office lives. */
export const DEV_BACK_OFFICE_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;
