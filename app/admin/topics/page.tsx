import type { Metadata } from "next";
import { EditTopicForm, NewTopicForm } from "@/components/admin/vocabulary-forms";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { adminAccess } from "@/lib/admin/guard";
import { listTopicsWithUsage } from "@/lib/vocabulary/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  const access = await adminAccess();
  if (!access.ok) return <PermissionNotice access={access} next="/admin/topics" />;
  const topics = await listTopicsWithUsage();
  return (
    <>
      <h1>Topics</h1>
      <ul className="plain-list">
        {topics.map((topic) => (
          <li key={topic.key}>
            <details>
              <summary>
                {topic.label} <code>{topic.key}</code> · {topic.claimCount} claims
              </summary>
              <EditTopicForm values={topic} />
            </details>
          </li>
        ))}
      </ul>
      <h2>New topic</h2>
      <NewTopicForm />
    </>
  );
}
