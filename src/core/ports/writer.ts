/**
 * The port through which commands ask an LLM to write prose from cited passages (issue 6).
 * Its shape is defined by the LLM writer's wiring; absent, every answer is extractive.
 */
export interface ProseWriter {}
