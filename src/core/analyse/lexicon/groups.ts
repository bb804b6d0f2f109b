/*
 * Plural nouns for collective speakers that are not one organisation: "US officials said",
 * "ministers warned". Qualified by a country, nationality or organisation they become a
 * named group ("US officials"); alone they are a vague one ("officials").
 */
export const GROUP_NOUNS: ReadonlySet<string> = new Set(
  `officials ministers diplomats lawmakers legislators politicians mps meps senators congressmen negotiators
  analysts experts economists scientists researchers critics campaigners activists protesters protestors
  investigators police officers detectives prosecutors lawyers sources insiders executives bosses leaders
  authorities regulators spokesmen spokespeople representatives residents witnesses doctors teachers workers
  unions employers investors traders bankers fans players supporters voters members staff engineers
  commentators observers judges officers troops soldiers generals envoys agencies governments allies
  demonstrators marchers organisers organizers advocates opponents proponents aides advisers advisors strategists
  pollsters donors delegates attorneys plaintiffs defendants`
    .split(/\s+/)
    .filter(Boolean),
);
