export function buildContentSecurityPolicy(sources: {
  scripts: string[];
  styles: string[];
  isDevelopment: boolean;
}): string;
export function buildHashedContentSecurityPolicy(html: string): string;
