import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Fastify server; another address (a second local instance) can be given for checks.
const apiTarget = process.env.PASSERELLE_API_URL ?? 'http://localhost:3000';
const api = { '/api': { target: apiTarget, changeOrigin: false } };

// Same policy as the Fastify server, so `vite preview` shows CSP violations before production does.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export default defineConfig({
  plugins: [react()],
  publicDir: 'src/web/public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Mantine alone is ~400 kB minified; one vendor chunk is fine for an intranet-style app.
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
});
