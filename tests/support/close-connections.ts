/** Close the connections a test file opened, so its database copy can be deleted. */
export async function closeDatabaseConnections(): Promise<void> {
  const { prisma } = await import("@/lib/db/prisma");
  await prisma.$disconnect();
  const { closeReader } = await import("@/lib/db/reader");
  await closeReader();
}
