/**
 * An analysis worker thread: receives raw articles, answers with analysed ones. Analysis is
 * a pure function, so a worker needs nothing but the message.
 */
import { parentPort } from 'node:worker_threads';
import { analyseRawArticle } from './analyse-raw.ts';
import type { WorkerReply, WorkerRequest } from './analysis-pool.ts';

if (!parentPort) throw new Error('analysis-worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { job: request.job, ok: true, article: analyseRawArticle(request.raw, request.hash) };
  } catch (error) {
    reply = { job: request.job, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
