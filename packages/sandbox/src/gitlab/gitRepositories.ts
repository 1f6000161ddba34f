import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A commit as `git log` reports it. */
export interface GitCommit {
  revision: string;
  author: string;
  email: string;
  message: string;
  committedAt: number;
}

/**
 * Bare git repositories on disk, served over smart HTTP by git's own `git http-backend`, so a
 * push from the scaffolder is a real push and what the catalog reads is what was pushed.
 */
/** An entry of GitLab's repository tree. */
export interface TreeEntry {
  id: string;
  name: string;
  type: 'blob' | 'tree';
  path: string;
  mode: string;
}

export class GitRepositories {
  constructor(private readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  private dir(slug: string): string {
    return path.join(this.root, `${slug}.git`);
  }

  async create(slug: string): Promise<void> {
    const dir = this.dir(slug);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await run('git', [
      'init',
      '--quiet',
      '--bare',
      '--initial-branch=main',
      dir,
    ]);
    // Pushes arrive over HTTP from an authenticated user (REMOTE_USER is set): let them in.
    await run('git', ['--git-dir', dir, 'config', 'http.receivepack', 'true']);
  }

  exists(slug: string): boolean {
    return fs.existsSync(this.dir(slug));
  }

  /** The newest commits of a branch, newest first; none when the branch does not exist yet. */
  async log(slug: string, ref: string, limit = 50): Promise<GitCommit[]> {
    try {
      const { stdout } = await run('git', [
        '--git-dir',
        this.dir(slug),
        'log',
        `-n${limit}`,
        '--format=%H%x1f%an%x1f%ae%x1f%ct%x1f%s%x1e',
        ref,
        '--',
      ]);
      return stdout
        .split('\x1e')
        .map(line => line.trim())
        .filter(Boolean)
        .map(line => {
          const [revision, author, email, seconds, message] =
            line.split('\x1f');
          return {
            revision,
            author,
            email,
            message,
            committedAt: Number(seconds) * 1000,
          };
        });
    } catch {
      return [];
    }
  }

  /** A file's content at a ref, or undefined when either does not exist. */
  async readFile(
    slug: string,
    ref: string,
    file: string,
  ): Promise<string | undefined> {
    try {
      const { stdout } = await run(
        'git',
        ['--git-dir', this.dir(slug), 'show', `${ref}:${file}`],
        {
          maxBuffer: 10 * 1024 * 1024,
        },
      );
      return stdout;
    } catch {
      return undefined;
    }
  }

  /**
   * The entries under a folder at a ref (`git ls-tree`), folders too when recursive, or
   * undefined when the ref or folder does not exist.
   */
  async tree(
    slug: string,
    ref: string,
    folder: string,
    recursive: boolean,
  ): Promise<TreeEntry[] | undefined> {
    const prefix = folder.replace(/^\/+|\/+$/g, '');
    try {
      const { stdout } = await run('git', [
        '--git-dir',
        this.dir(slug),
        'ls-tree',
        ...(recursive ? ['-r', '-t'] : []),
        '-z',
        prefix ? `${ref}:${prefix}` : ref,
      ]);
      return stdout
        .split('\0')
        .filter(Boolean)
        .map(line => {
          const [info, name] = line.split('\t');
          const [mode, type, id] = info.split(' ');
          const entryPath = prefix ? `${prefix}/${name}` : name;
          return {
            id,
            name: entryPath.split('/').pop()!,
            type: type as 'blob' | 'tree',
            path: entryPath,
            mode,
          };
        });
    } catch {
      return undefined;
    }
  }

  /**
   * Hands a smart-HTTP request (`info/refs`, `git-upload-pack`, `git-receive-pack`) to
   * `git http-backend` as CGI and streams its answer back.
   */
  serve(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    slug: string,
    gitPath: string,
    user: string,
    /** Runs after git is done and before the answer ends, so the client sees its effects. */
    beforeEnd?: () => Promise<void>,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const backend = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: this.root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: `/${slug}.git/${gitPath}`,
        REQUEST_METHOD: req.method ?? 'GET',
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
        REMOTE_USER: user,
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(backend.stdin);
    return new Promise((resolve, reject) => {
      let head = Buffer.alloc(0);
      let headersSent = false;
      backend.stdout.on('data', (chunk: Buffer) => {
        if (headersSent) {
          res.write(chunk);
          return;
        }
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headers: Record<string, string> = {};
        let status = 200;
        for (const line of head.subarray(0, end).toString().split('\r\n')) {
          const colon = line.indexOf(':');
          const name = line.slice(0, colon).trim();
          const value = line.slice(colon + 1).trim();
          if (name.toLowerCase() === 'status') status = parseInt(value, 10);
          else headers[name] = value;
        }
        res.writeHead(status, headers);
        headersSent = true;
        res.write(head.subarray(end + 4));
      });
      backend.on('error', reject);
      backend.on('close', async code => {
        if (!headersSent) {
          res.writeHead(500).end(`git http-backend exited with ${code}`);
        } else {
          await beforeEnd?.().catch(reject);
          res.end();
        }
        resolve();
      });
    });
  }
}
