// Tests never phone home and never inherit a developer's real JD credentials.
import 'reflect-metadata';
process.env.APOLLO_TELEMETRY_DISABLED = '1';
delete process.env.JD_API_URL;
