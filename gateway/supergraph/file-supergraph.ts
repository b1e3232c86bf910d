import { readFile } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from 'pino';

export interface FileSupergraph {
  hook: SupergraphSdlHook;
  /** The SDL currently served (undefined until the first load). */
  current(): string | undefined;
  /** Resolves after the next reload attempt (successful or not); for tests and tooling. */
  nextReload(): Promise<void>;
}

/** Loads the supergraph from a file and swaps it in when the file changes; a broken file keeps the old schema. */
export function fileSupergraph(path: string, log: Logger, debounceMs = 150): FileSupergraph {
  const file = resolve(path);
  let current: string | undefined;
  let waiters: (() => void)[] = [];
  const settle = () => {
    const w = waiters;
    waiters = [];
    w.forEach((fn) => fn());
  };

  const read = async (): Promise<string> => {
    const sdl = await readFile(file, 'utf8');
    if (sdl.trim() === '') throw new Error(`${file} is empty`);
    return sdl;
  };

  const hook: SupergraphSdlHook = async ({ update }) => {
    try {
      current = await read();
    } catch (err) {
      throw new Error(
        `Cannot read the supergraph at ${file} (run \`npm run compose\`, or set SUPERGRAPH_PATH): ${(err as Error).message}`,
        { cause: err },
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const reload = async () => {
      try {
        const sdl = await read();
        if (sdl !== current) {
          update(sdl); // throws on an invalid supergraph, before the gateway changes anything
          current = sdl;
          log.info({ supergraph: file }, 'supergraph reloaded');
        }
      } catch (err) {
        log.error({ supergraph: file, err: (err as Error).message }, 'supergraph reload failed; still serving the previous schema');
      } finally {
        settle();
      }
    };
    // Watch the directory, not the file: editors and compose replace the file, which ends a file watch.
    // A Kubernetes ConfigMap volume never touches the file either: `supergraph.graphql` is a symlink to
    // `..data/supergraph.graphql`, and an update renames a new `..data` symlink into place.
    const watcher: FSWatcher = watch(dirname(file), (_event, name) => {
      if (name !== null && !reloadsOnChangeOf(name.toString(), basename(file))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), debounceMs);
    });
    return {
      supergraphSdl: current,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
        settle();
      },
    };
  };

  return { hook, current: () => current, nextReload: () => new Promise<void>((r) => waiters.push(r)) };
}

/** The file itself, or the kubelet's `..data` symlink (and its `..data_tmp` and timestamped folders). */
function reloadsOnChangeOf(changed: string, fileName: string): boolean {
  return changed === fileName || changed.startsWith('..');
}
