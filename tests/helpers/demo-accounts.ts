// The demo accounts seeded on an empty database (see scripts/seed/demo.ts), by role.
export const demoAccounts = {
  citizen: 'citizen@guth.example',
  organiser: 'organiser@guth.example',
  moderator: 'moderator@guth.example',
  official: 'official@guth.example',
  admin: 'admin@guth.example',
} as const
