/**
 * The command line: `npm run cli -- <command> …`. A host like the pane: it reads the file through the
 * file port, runs the same core, and prints. Every failure is one line on stderr in the user's
 * language and exit code 2; no stack trace ever reaches the user.
 */
// Only what the crash handler needs is loaded before it is installed; everything else is loaded
// after, so even a failure while loading modules ends as one line.
import { registerMessages, t, type Lang } from '../core/i18n';
import { cli } from '../core/i18n/messages/cli';
import { EXIT } from './errors';
import { langFromArgv } from './lang';

registerMessages(cli);

function installCrashHandler(lang: Lang): void {
  // Anything that escapes (a rejected promise in a library, a bug): one generic line, no stack, no data.
  const crash = () => {
    try {
      process.stderr.write(t(lang, 'cli.error.prefix', { message: t(lang, 'cli.error.unexpected') }) + '\n');
    } finally {
      process.exit(EXIT.cannotRun);
    }
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // `… | head` closing the pipe early is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    crash();
  });
}

const argv = process.argv.slice(2);
installCrashHandler(langFromArgv(argv).lang);
void import('./run')
  .then(({ runCli }) =>
    runCli(argv, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    }),
  )
  .then((code) => {
    // exitCode, not exit(): lets a large JSON report finish flushing to a pipe.
    process.exitCode = code;
  });
