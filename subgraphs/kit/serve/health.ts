import { Router } from 'express';

/** GET /health/live (the process answers) and GET /health/ready (checkReady passes; 503 otherwise). */
export function healthRouter(name: string, checkReady: () => Promise<boolean> = async () => true): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', subgraph: name });
  });
  router.get('/health/ready', async (_req, res) => {
    let ready: boolean;
    try {
      ready = await checkReady();
    } catch {
      ready = false; // a failing check means "not ready", never a crash
    }
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', subgraph: name });
  });
  return router;
}
