/** deploy/Dockerfile read with dockerfile-ast (the parser behind VS Code's Dockerfile support): its stages and what each does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Copy, type Env, type Instruction, type JSONInstruction } from 'dockerfile-ast';
import { REPO_ROOT } from './kustomize';

export const DOCKERFILE = 'deploy/Dockerfile';

export interface Stage {
  name?: string;
  image: string;
  runs: string[];
  /** COPY sources and destination; `from` is the stage copied from (undefined: the build context). */
  copies: { from?: string; sources: string[]; dest: string }[];
  env: Record<string, string>;
  user?: string;
  entrypoint?: string[];
  cmd?: string[];
}

const words = (i: Instruction) => i.getArguments().map((a) => a.getValue());
// Exec form (["node", "x.js"]) as its strings; the shell form is refused by the tests, so keep it as one string.
const execForm = (i: JSONInstruction) => {
  const json = i.getJSONStrings().map((s) => s.getJSONValue());
  return json.length > 0 ? json : [words(i).join(' ')];
};

/** The Dockerfile's text and its stages in order (the last one is the image). */
export function readDockerfile(): { text: string; stages: Stage[] } {
  const text = readFileSync(join(REPO_ROOT, DOCKERFILE), 'utf8');
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const [image, as, name] = words(instruction);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, runs: [], copies: [], env: {} });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue; // ARG before the first FROM
    if (keyword === 'RUN') stage.runs.push(words(instruction).join(' '));
    if (keyword === 'COPY') {
      const args = words(instruction).filter((w) => !w.startsWith('--'));
      stage.copies.push({
        from: (instruction as Copy).getFromFlag()?.getValue() ?? undefined,
        sources: args.slice(0, -1),
        dest: args.at(-1) ?? '',
      });
    }
    if (keyword === 'ENV') for (const p of (instruction as Env).getProperties()) stage.env[p.getName()] = p.getValue() ?? '';
    if (keyword === 'USER') stage.user = words(instruction)[0];
    if (keyword === 'ENTRYPOINT') stage.entrypoint = execForm(instruction as JSONInstruction);
    if (keyword === 'CMD') stage.cmd = execForm(instruction as JSONInstruction);
  }
  return { text, stages };
}
