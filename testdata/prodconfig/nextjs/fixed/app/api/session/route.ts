import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { signIn } from "@/lib/auth";

export async function POST(request: Request) {
  const { email, password } = await request.json();
  const session = await signIn(email, password);
  if (!session) {
    return NextResponse.json({ error: "sign-in failed" }, { status: 401 });
  }
  cookies().set("portal_session", session.id, {
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    path: "/",
  });
  return NextResponse.json({ ok: true });
}
