import type { KitsuClient } from '../kitsu';
import { kitsuRoleSchema } from '../shared/roles';
import type { TokenIdentity } from './service';

/** Who a token is and what it sees: three reads, made in parallel. */
export async function probeIdentity(client: KitsuClient): Promise<TokenIdentity> {
  const [version, authenticated, projects] = await Promise.all([
    client.version(),
    client.authenticated(),
    client.openProjects(),
  ]);
  const { user } = authenticated;
  const role = kitsuRoleSchema.safeParse(user.role);
  if (!role.success) throw new Error(`Kitsu reported an unknown role "${user.role}" for this token.`);
  return {
    kitsuVersion: version.version,
    name: user.full_name,
    role: role.data,
    isBot: user.is_bot,
    departmentCount: user.departments.length,
    expirationDate: user.expiration_date ?? null,
    productions: projects.map((project) => ({ id: project.id, name: project.name })),
  };
}
