import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/layout/account-menu";
import { SiteNav } from "@/components/layout/site-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimtrail", template: "%s · Claimtrail" },
  description: "Track claims made in the news: who said them, through whom, who denied them, and what fact-checkers concluded.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-header__brand">
              Claimtrail
            </Link>
            <SiteNav />
            <AccountMenu />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
