/**
 * `npm run users -- <command>`: accounts from the command line, for the first admin and
 * for scripts. Passwords are never taken from arguments (they would land in shell
 * history and `ps`): they come from CLAIMTRAIL_PASSWORD or standard input.
 *
 *   add --email E --role R [--name N]   create an account
 *   list                                every account, its role and state
 *   set-role --email E --role R         change a role
 *   set-password --email E              set a new password; all of the account's sessions end
 *   set-name --email E --name N         change the display name (never another account's e-mail or name)
 *   disable --email E / enable --email E
 *   token --email E [--name N]          print a new personal API token (shown once)
 */
import { createInterface } from "node:readline";
import { prisma } from "@/lib/db/prisma";
import { parseCommandLine } from "./shared/command-line";
import { readyDatabase } from "./shared/ready-database";
import { runCommand } from "./shared/run-command";
import { createApiToken } from "@/lib/auth/api-tokens";
import { roleSchema } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { createUserAccount, disableUser, enableUser, findUser, listUsers, setUserName, setUserRole } from "@/lib/users/admin";
import { setUserPassword } from "@/lib/users/passwords";

const USAGE = `Usage: npm run users -- <command> [options]

  add --email E --role R [--name N]   create an account
  list                                every account, its role and state
  set-role --email E --role R         change a role (viewer, fact_checker, admin)
  set-name --email E --name N         change the display name
  set-password --email E              set a new password (CLAIMTRAIL_PASSWORD or stdin); ends its sessions
  disable --email E, enable --email E
  token --email E [--name N]          print a new personal API token (shown once)

Passwords: set CLAIMTRAIL_PASSWORD, or type it (or pipe it) on standard input.`;

async function readPassword(): Promise<string> {
  if (process.env.CLAIMTRAIL_PASSWORD) return process.env.CLAIMTRAIL_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write("Password (input is shown; prefer CLAIMTRAIL_PASSWORD or a pipe): ");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number | void> {
  const parsed = parseCommandLine(argv, USAGE, { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } }, { min: 1, max: 1, name: "command" });
  if ("exitCode" in parsed) return parsed.exitCode;
  const { positionals, values } = parsed;
  await readyDatabase();
  const [command] = positionals;
  const role = () => {
    const parsed = roleSchema.safeParse(required(values.role, "role"));
    if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad role");
    return parsed.data;
  };
  switch (command) {
    case "add": {
      const email = required(values.email, "email");
      const chosenRole = role();
      const user = await createUserAccount(null, { email, name: values.name, role: chosenRole, password: await readPassword() });
      console.log(`Created ${user.email} (${user.role}).`);
      return;
    }
    case "list": {
      for (const user of await listUsers()) {
        console.log([user.email, user.role ?? "viewer", user.banned ? "disabled" : "active", `${user._count.apiTokens} tokens`].join("\t"));
      }
      return;
    }
    case "set-role": {
      const user = await setUserRole(null, required(values.email, "email"), role());
      console.log(`${user.email} is now ${user.role}.`);
      return;
    }
    case "set-password": {
      const email = required(values.email, "email");
      const user = await setUserPassword(null, email, await readPassword(), { mustChange: false });
      console.log(`${user.email} has a new password; its sessions are signed out.`);
      return;
    }
    case "set-name": {
      const user = await setUserName(null, required(values.email, "email"), required(values.name, "name"));
      console.log(`${user.email} is now shown as "${user.name}".`);
      return;
    }
    case "disable": {
      const user = await disableUser(null, required(values.email, "email"));
      console.log(`${user.email} is disabled; its sessions and tokens no longer work.`);
      return;
    }
    case "enable": {
      const user = await enableUser(null, required(values.email, "email"));
      console.log(`${user.email} is enabled.`);
      return;
    }
    case "token": {
      const user = await findUser(required(values.email, "email"));
      const name = values.name ?? "command line";
      const { id, token } = await createApiToken(user.id, name);
      await prisma.$transaction((tx) => recordAudit(tx, { userId: null, action: "create_token", entityType: "api_token", entityId: id, after: { userId: user.id, name } }));
      // The token alone on stdout, so scripts can capture it.
      console.log(token);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

runCommand(() => main(process.argv.slice(2)), {
  describeError: (error) => (error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof DomainError ? error.message : null),
  cleanup: () => prisma.$disconnect(),
});
