import { formText } from "@/lib/http/action";

/** A source's descriptive fields as the JSON API would send them, for the new-article and correction forms. */
export function sourceDetailsFromForm(form: FormData) {
  return {
    title: formText(form, "title"),
    outlet: formText(form, "outlet"),
    url: formText(form, "url"),
    author: formText(form, "author"),
    publishedAt: formText(form, "publishedAt"),
  };
}
